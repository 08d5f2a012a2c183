import type { FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';

/**
 * Requests are validated by the route's zod schemas, and so are answers, before they are written: an
 * answer that does not match its contract is a bug answered 500, never sent, and a field the contract
 * does not declare is left out. The check costs a few per cent of a list's time (docs/performance.md)
 * and is kept in production, where it is what stops a query change from leaking a column.
 */
export function registerZodCompilers(app: FastifyInstance) {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
}
