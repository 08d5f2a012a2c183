import { z } from 'zod';
import { apiRoutes } from '../../../../common/api-routes.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import { VERSION } from '../../../version.js';

export function healthRoutes(
  app: App,
  { services }: RouteDeps<{ health: { ping(): Promise<void>; driver: 'pglite' | 'postgres' } }>,
) {
  // A liveness probe (is the process serving HTTP?) that does not touch the database; it is also the
  // HTTP ceiling of the benchmark: the cheapest route the server has.
  typed(app).get(
    apiRoutes.health.live,
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: 'Liveness only: the process answers HTTP (no database check)',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  typed(app).get(
    apiRoutes.health.check,
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: 'Liveness and database check',
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['pglite', 'postgres']),
            version: z.string(),
          }),
        },
      },
    },
    async () => {
      await services.health.ping();
      return { status: 'ok' as const, database: services.health.driver, version: VERSION };
    },
  );
}
