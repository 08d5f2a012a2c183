import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { type Database, type Db, type DriverName, pgPoolOf } from './client.js';
import * as schema from './schema/index.js';

/** drizzle/ sits at the project root, both from src/server/db and from dist/server/db. */
export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../drizzle',
);

/**
 * The key of the advisory lock every process takes before changing the database's structure or
 * reference data. Any constant works as long as it is always the same; this one spells "officina".
 */
export const MIGRATION_LOCK_KEY = 0x0ff1c1a;

/**
 * Runs `fn` while this process holds the migration lock, so instances started together on one
 * PostgreSQL prepare it one after the other instead of racing on the same CREATE TABLE. The lock is
 * session-level and held on one connection, which `fn` receives as its database: if the process
 * dies, PostgreSQL ends the session and frees the lock. PGlite has one connection in one process,
 * so there `fn` simply runs.
 */
export async function withMigrationLock<T>(
  database: Database,
  fn: (db: Db) => Promise<T>,
  opts: { onWait?: () => void } = {},
): Promise<T> {
  const pool = pgPoolOf(database.db);
  if (database.driver !== 'postgres' || !pool) return fn(database.db);
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const tried = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [
      MIGRATION_LOCK_KEY,
    ]);
    if (!tried.rows[0]?.ok) {
      opts.onWait?.();
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    }
    try {
      return await fn(drizzlePg(client, { schema }) as unknown as Db);
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch((err: Error) => {
        broken = err;
      });
    }
  } finally {
    // A connection that failed is closed rather than pooled: closing it also frees the lock.
    client.release(broken);
  }
}

/** Applies the pending migrations of `folder` to a database the caller has locked. */
export async function applyMigrations(db: Db, driver: DriverName, folder = migrationsFolder): Promise<void> {
  const config = { migrationsFolder: folder };
  if (driver === 'postgres') {
    // biome-ignore lint/suspicious/noExplicitAny: both drivers share the migrator contract
    await migratePg(db as any, config);
  } else {
    // biome-ignore lint/suspicious/noExplicitAny: both drivers share the migrator contract
    await migratePglite(db as any, config);
  }
}

/** Applies the migrations of `folder` (the project's drizzle/ unless a test passes a partial copy). */
export async function runMigrations(database: Database, folder = migrationsFolder): Promise<void> {
  await withMigrationLock(database, (db) => applyMigrations(db, database.driver, folder));
}
