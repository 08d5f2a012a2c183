import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { VERSION } from '../version.js';
import { openapiTransforms } from './openapi.js';
import type { App } from './types.js';

export async function registerDocs(app: App, opts: { https: boolean }) {
  const { transform, transformObject } = openapiTransforms();
  await app.register(fastifySwagger, {
    openapi: {
      // 3.1: JSON Schema 2020-12, so zod's nullable unions convert without OpenAPI 3.0's `nullable`.
      openapi: '3.1.0',
      info: {
        title: 'Officina API',
        description:
          'Training programme and restructuring support for the Italian Provinces. Sign in with POST /api/v1/auth/login (session cookie); send the token from GET /api/v1/auth/csrf as x-csrf-token on every mutation made with the cookie. Errors are {code, message, details?} (components.schemas.ErrorBody); messages follow Accept-Language (it, en).',
        version: VERSION,
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      // Relative: the installation that serves the document, whatever address it was reached by.
      servers: [{ url: '/', description: 'The installation serving this document' }],
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'officina_session' } },
      },
      security: [{ session: [] }],
    },
    transform,
    transformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Over plain http, asking browsers to upgrade would leave the docs page blank.
    transformStaticCSP: (header) =>
      opts.https ? header : header.replace(/\s*upgrade-insecure-requests;?/, ''),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
