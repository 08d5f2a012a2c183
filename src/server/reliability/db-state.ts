import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { rowsOf } from '../db/sql.js';

/**
 * What every request may change legitimately, and is therefore left out of the comparison of the
 * database before and after a rejected request.
 */
export const IGNORED: { table: string; columns?: string[]; why: string }[] = [
  {
    table: 'sessions',
    columns: ['last_seen_at', 'expires_at'],
    why: 'resolving the session cookie slides its idle expiry (at most once a minute), whatever the answer',
  },
  {
    table: 'rate_limits',
    why: 'a refused request still counts against its address: that is how throttling works',
  },
];

export type Snapshot = Map<string, string>;

type Column = { table_name: string; column_name: string };

/** One checksum per table of the public schema: the md5 of its rows, in a stable order. */
export async function snapshot(db: Db): Promise<Snapshot> {
  const columns = await rowsOf<Column>(
    db,
    sql`select table_name, column_name from information_schema.columns
        where table_schema = 'public' order by table_name, ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const c of columns) {
    const rule = IGNORED.find((i) => i.table === c.table_name);
    if (rule && (!rule.columns || rule.columns.includes(c.column_name))) continue;
    byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c.column_name]);
  }
  const parts = [...byTable].map(([table, cols]) => {
    const list = cols.map((c) => `"${c}"`).join(', ');
    return `select '${table}' as t, md5(coalesce(string_agg(r::text, ',' order by r::text), '')) as sum
            from (select ${list} from "${table}") r`;
  });
  const rows = await rowsOf<{ t: string; sum: string }>(db, sql.raw(parts.join(' union all ')));
  return new Map(rows.map((r) => [r.t, r.sum]));
}

/** The tables whose checksum differs between two snapshots. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort();
}

/**
 * The next transaction id the database will hand out. A transaction that changes a row takes one,
 * so an unchanged value proves that nothing was written and spares a full snapshot.
 */
export async function nextXid(db: Db): Promise<string> {
  const [row] = await rowsOf<{ x: string }>(
    db,
    sql`select pg_snapshot_xmax(pg_current_snapshot())::text as x`,
  );
  return row?.x ?? '';
}
