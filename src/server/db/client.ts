import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DriverName = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  driver: DriverName;
  /** True when the embedded database was created by this process (used to default SEED_DEMO). */
  created: boolean;
  /** The connection URL, for PostgreSQL. */
  url?: string;
  close: () => Promise<void>;
};

export type DatabaseOptions = {
  databaseUrl?: string | undefined;
  /** Folder for the embedded database; undefined = in memory. */
  dataDir?: string | undefined;
  /** Start the embedded database from a dump made by PGlite's dumpDataDir. */
  loadDataDir?: Blob | File | undefined;
  /** Told when an idle PostgreSQL connection fails (it is replaced on the next query). */
  onIdleError?: ((err: Error) => void) | undefined;
};

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process: the
    // pool discards it and opens a new one on the next query.
    pool.on('error', (err) => opts.onIdleError?.(err));
    // Fail fast with a clear message when the server is unreachable.
    const c = await pool.connect();
    c.release();
    return {
      db: drizzlePg(pool, { schema }) as unknown as Db,
      driver: 'postgres',
      created: false,
      url: opts.databaseUrl,
      close: () => pool.end(),
    };
  }
  let created = true;
  if (opts.dataDir) {
    created = !fs.existsSync(path.join(opts.dataDir, 'PG_VERSION'));
    fs.mkdirSync(opts.dataDir, { recursive: true });
  }
  const client = await PGlite.create({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    driver: 'pglite',
    created,
    close: () => client.close(),
  };
}

/** The raw PGlite instance behind a Database, for dumpDataDir (backup). */
export function pgliteOf(db: Db): PGlite | undefined {
  const client = (db as unknown as { $client?: unknown }).$client;
  return client instanceof PGlite ? client : undefined;
}

/** The node-postgres pool behind a Database, for what needs its own connection or the raw driver. */
export function pgPoolOf(db: Db): pg.Pool | undefined {
  const client = (db as unknown as { $client?: unknown }).$client;
  return client instanceof pg.Pool ? client : undefined;
}
