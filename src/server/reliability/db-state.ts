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
  ...['campaign_gap_cells', 'campaign_gap_state'].map((table) => ({
    table,
    why: 'the gap summary is derived from the answers and the expected levels, and brought up to date by every reader of the gaps before its query is checked; its sources are compared',
  })),
];

export type Snapshot = Map<string, string>;

type Column = { table_name: string; column_name: string };

/** The columns compared, per table: read once, since the schema does not change during a run. */
let compared: Promise<Map<string, string[]>> | null = null;

async function columnsOf(db: Db): Promise<Map<string, string[]>> {
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
  return byTable;
}

/** Per table, the checksum last computed and the marker the table had then. */
const computed = new Map<string, { marker: string; sum: string }>();

/**
 * One checksum per table of the public schema: its row count and the sum of its rows' hashes. A cheap
 * marker comes first (the row count and the sum of the rows' `xmin`: an insert, an update or a delete
 * committed since changes it), and only the tables whose marker moved are hashed again.
 */
export async function snapshot(db: Db): Promise<Snapshot> {
  compared ??= columnsOf(db);
  const tables = await compared;
  const markers = await rowsOf<{ t: string; m: string }>(
    db,
    sql.raw(
      [...tables.keys()]
        .map(
          (table) =>
            `select '${table}' as t, count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) as m from "${table}"`,
        )
        .join(' union all '),
    ),
  );
  const moved = markers.filter((r) => computed.get(r.t)?.marker !== r.m);
  if (moved.length) {
    const parts = moved.map(({ t: table }) => {
      const list = (tables.get(table) ?? []).map((c) => `"${c}"`).join(', ');
      // A sum of row hashes does not depend on row order, so no table is sorted.
      return `select '${table}' as t, count(*) || ':' || coalesce(sum(hashtextextended(r::text, 0)), 0) as sum
              from (select ${list} from "${table}") r`;
    });
    const sums = await rowsOf<{ t: string; sum: string }>(db, sql.raw(parts.join(' union all ')));
    const markerOf = new Map(moved.map((r) => [r.t, r.m]));
    for (const r of sums) computed.set(r.t, { marker: markerOf.get(r.t) ?? '', sum: r.sum });
  }
  return new Map(markers.map((r) => [r.t, computed.get(r.t)?.sum ?? '']));
}

/** The tables whose checksum differs between two snapshots. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort();
}

/**
 * The next transaction id the database will hand out. A transaction that changes a row takes one,
 * so an unchanged value proves that nothing was written.
 */
export async function nextXid(db: Db): Promise<string> {
  const [row] = await rowsOf<{ x: string }>(
    db,
    sql`select pg_snapshot_xmax(pg_current_snapshot())::text as x`,
  );
  return row?.x ?? '';
}

/**
 * Whether a transaction that took an id in [from, to) committed (or is still running). Ids taken
 * only by transactions that rolled back changed nothing; a commit calls for a comparison of snapshots.
 */
export async function committedSince(db: Db, from: string, to: string): Promise<boolean> {
  if (from === to) return false;
  const [row] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from generate_series(${from}::bigint, ${to}::bigint - 1) x
        where pg_xact_status(x::text::xid8) is distinct from 'aborted'`,
  );
  return (row?.n ?? 1) > 0;
}

const BIDI = '[\u202A-\u202E\u2066-\u2069]';

/**
 * Text the database holds that it should not: bidirectional controls (they reorder what prints on
 * attestati and registers) or Unicode not in NFC. One sample per column.
 */
export async function unsafeText(db: Db): Promise<string[]> {
  const columns = await rowsOf<Column>(
    db,
    sql`select table_name, column_name from information_schema.columns
        where table_schema = 'public' and data_type in ('text', 'character varying')
        order by table_name, column_name`,
  );
  const parts = columns.map(({ table_name: t, column_name: c }) => {
    const where = `"${c}" ~ '${BIDI}' or "${c}" is not nfc normalized`;
    return `(select '${t}.${c}' as at, "${c}" as v from "${t}" where ${where} limit 1)`;
  });
  const rows = await rowsOf<{ at: string; v: string }>(db, sql.raw(parts.join(' union all ')));
  return rows.map((r) => `${r.at}: ${JSON.stringify(r.v.slice(0, 60))}`);
}
