import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import { type Clock, systemClock } from '../kernel/clock.js';
import { assertPasswordPolicy } from '../kernel/passwords.js';
import type { Database, Db } from './client.js';
import { applyMigrations, withMigrationLock } from './migrate.js';
import { seedReference } from './seed/reference.js';

/**
 * Everything start-up does to a database: migrate, reference data, first admin, demo content. It all
 * runs under the migration lock, since each step would race with another instance doing the same.
 */
export function prepareDatabase(
  database: Database,
  config: Config,
  log: Pick<FastifyBaseLogger, 'info'>,
  clock: Clock = systemClock,
  opts: { platformCourse?: boolean } = {},
) {
  return withMigrationLock(database, (db) => prepare(db, database, config, log, clock, opts), {
    onWait: () => log.info('another instance is preparing the database: waiting for it'),
  });
}

async function prepare(
  db: Db,
  database: Database,
  config: Config,
  log: Pick<FastifyBaseLogger, 'info'>,
  clock: Clock,
  opts: { platformCourse?: boolean },
) {
  await applyMigrations(db, database.driver);
  const units = await seedReference(db);
  log.info({ units }, 'reference data ready');
  // The online course on using the platform, in every installation (its content is read when loaded);
  // the benchmark dataset writes its own ids from 1 and leaves it out.
  if (opts.platformCourse !== false) {
    const { seedPlatformCourse } = await import('./seed/platform-course.js');
    if (await seedPlatformCourse(db, clock.now())) log.info('platform course loaded');
  }
  if (config.adminEmail && config.adminPassword) {
    try {
      assertPasswordPolicy(config.adminPassword, config.adminEmail, 'ADMIN_PASSWORD');
    } catch (err) {
      throw new Error(`ADMIN_PASSWORD is not acceptable: ${(err as Error).message}`);
    }
    const { ensureAdmin } = await import('./seed/demo.js');
    const result = await ensureAdmin(db, config.adminEmail, config.adminPassword);
    log.info({ email: config.adminEmail, result }, 'national admin');
  }
  const demo = config.seedDemo ?? (database.driver === 'pglite' && database.created);
  if (!demo) return;
  // The demo content (a dozen modules) is read only when it is to be loaded.
  const { seedDemo } = await import('./seed/demo.js');
  if (await seedDemo(db, { issuer: config.certIssuer, now: clock.now() })) log.info('demo content loaded');
}
