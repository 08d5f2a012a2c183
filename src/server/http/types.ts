import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';

export type App = FastifyInstance;

/** What a module's routes receive: the services they call (the module's own and those it uses) and the configuration. */
export type RouteDeps<Services> = { services: Services; config: Config };

/** A feature's routes: a Fastify plugin typed for zod schemas. */
export function typed(app: App) {
  return app.withTypeProvider<ZodTypeProvider>();
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route anyone may call without signing in; every other /api/ route answers 401 without a session. */
    public?: boolean;
  }
}
