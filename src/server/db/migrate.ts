import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './client.js';

/** drizzle/ sits at the project root, both from src/server/db and from dist/server/db. */
export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../drizzle',
);

/** Applies the migrations of `folder` (the project's drizzle/ unless a test passes a partial copy). */
export async function runMigrations(database: Database, folder = migrationsFolder): Promise<void> {
  const config = { migrationsFolder: folder };
  if (database.driver === 'postgres') {
    // biome-ignore lint/suspicious/noExplicitAny: both drivers share the migrator contract
    await migratePg(database.db as any, config);
  } else {
    // biome-ignore lint/suspicious/noExplicitAny: both drivers share the migrator contract
    await migratePglite(database.db as any, config);
  }
}
