import { getTableName, isTable, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import * as schema from '../db/schema/index.js';
import { rowsOf } from '../db/sql.js';
import { DatasetRefused } from './dataset.js';

/**
 * `--reset` on PostgreSQL: drops the schemas `public` and `drizzle` (the migrations' journal) and
 * recreates `public`, but only in a benchmark database: one whose tables are all Officina's and whose
 * people are all the dataset's (`…@bench.officina.invalid`). Anything else is refused, so a wrong
 * DATABASE_URL can wipe neither another application's data nor a real Officina installation.
 */
export async function resetPostgres(db: Db) {
  const ours = new Set<string>(Object.values(schema).flatMap((t) => (isTable(t) ? [getTableName(t)] : [])));
  const tables = await rowsOf<{ schema: string; name: string }>(
    db,
    sql`select table_schema as schema, table_name as name from information_schema.tables
      where table_schema not in ('pg_catalog', 'information_schema')
        and table_schema not like 'pg\\_temp\\_%' and table_schema not like 'pg\\_toast\\_temp\\_%'`,
  );
  const foreign = tables.filter(
    (t) =>
      !(t.schema === 'public' && ours.has(t.name)) &&
      !(t.schema === 'drizzle' && t.name === '__drizzle_migrations'),
  );
  if (foreign.length)
    throw new DatasetRefused(
      `--reset refused: the database holds tables that are not Officina's (${foreign
        .slice(0, 5)
        .map((t) => `${t.schema}.${t.name}`)
        .join(', ')})`,
    );
  if (tables.some((t) => t.schema === 'public' && t.name === 'users')) {
    const [real] = await rowsOf<{ n: number }>(
      db,
      sql`select count(*)::int as n from users where email not like '%@bench.officina.invalid'`,
    );
    if ((real?.n ?? 0) > 0)
      throw new DatasetRefused(
        `--reset refused: the database holds ${real?.n} people who are not the benchmark's: it is not a benchmark database`,
      );
  }
  await db.execute(sql`drop schema if exists drizzle cascade`);
  await db.execute(sql`drop schema if exists public cascade`);
  await db.execute(sql`create schema public`);
}
