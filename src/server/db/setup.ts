import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import { assertPasswordPolicy } from '../kernel/passwords.js';
import type { Database } from './client.js';
import { runMigrations } from './migrate.js';
import { ensureAdmin, seedDemo } from './seed/demo.js';
import { seedReference } from './seed/reference.js';

/** Everything start-up does to a database: migrate, reference data, first admin, demo content. */
export async function prepareDatabase(
  database: Database,
  config: Config,
  log: Pick<FastifyBaseLogger, 'info'>,
) {
  await runMigrations(database);
  const units = await seedReference(database.db);
  log.info({ units }, 'reference data ready');
  if (config.adminEmail && config.adminPassword) {
    try {
      assertPasswordPolicy(config.adminPassword, config.adminEmail, 'ADMIN_PASSWORD');
    } catch (err) {
      throw new Error(`ADMIN_PASSWORD is not acceptable: ${(err as Error).message}`);
    }
    const result = await ensureAdmin(database.db, config.adminEmail, config.adminPassword);
    log.info({ email: config.adminEmail, result }, 'national admin');
  }
  const demo = config.seedDemo ?? (database.driver === 'pglite' && database.created);
  if (demo && (await seedDemo(database.db, { issuer: config.certIssuer }))) log.info('demo content loaded');
}
