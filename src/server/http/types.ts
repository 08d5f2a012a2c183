import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Services } from '../services.js';

export type App = FastifyInstance;
export type RouteDeps = { services: Services; config: Config };

/** A feature's routes: a Fastify plugin typed for zod schemas. */
export function typed(app: App) {
  return app.withTypeProvider<ZodTypeProvider>();
}
