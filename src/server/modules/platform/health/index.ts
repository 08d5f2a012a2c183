import { sql } from 'drizzle-orm';
import { AppError } from '../../../kernel/errors.js';
import { defineModule } from '../../../kernel/module.js';
import { healthRoutes } from './routes.js';

/**
 * `/api/health`: liveness and a database round trip, for load balancers and monitoring;
 * `/api/health/live`: liveness alone, without the database.
 */
export const healthModule = defineModule({
  name: 'health',
  create: ({ db, driver }) => ({
    health: {
      driver,
      async ping() {
        try {
          await db.execute(sql`select 1`);
        } catch {
          throw new AppError(503, 'DATABASE_UNAVAILABLE', {
            it: 'Il database non risponde.',
            en: 'The database is not answering.',
          });
        }
      },
    },
  }),
  routes: (app, services, { config }) => healthRoutes(app, { services, config }),
});
