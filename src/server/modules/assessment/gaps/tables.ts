/**
 * From grouped statistics to a published table: the suppression pattern of suppression.ts applied to
 * a rows × columns table and its margins, the statistics of each visible cell, and the links between
 * tables of the same campaign (a region's cell is the sum of its units' cells; a job profile's
 * national cell is the sum of its cells in each unit).
 *
 * Linked tables: a hidden child cell could come back as "parent − the visible children" when it is the
 * only hidden child of its parent. So a parent cell is hidden whenever exactly one of its children is
 * (lonelyChildren), then goes through the parent table's own rules. With two or more hidden children,
 * the parent gives only their sum, as any line of a suppressed table does. The totals shared by two
 * tables (the same population by the same columns) are hidden in both when hidden in the first.
 */
import type { GapFigures, GapSuppression } from '../../../../common/gaps.js';
import { comparePriority, type GapCell } from './aggregate.js';
import type { GroupStats } from './stats-repository.js';
import { isTooSmall, suppressTable } from './suppression.js';

/** The code of a margin: the row of column totals, the column of row totals. */
export const TOTAL = '*';

export type Stats = Omit<GroupStats, 'key'>;
const NOBODY: Stats = { respondents: 0, observations: 0, totalGap: 0, affected: 0 };

export type StatsTable = {
  rows: string[];
  columns: string[];
  /** The statistics of a cell, a margin (row or column TOTAL) or the grand total. */
  stats: Map<string, Stats>;
};

const at = (row: string, column: string) => `${row}\u0000${column}`;

/** A cell's statistics (nobody when absent); TOTAL for the margins. */
export function statsAt(t: StatsTable, row: string, column: string): Stats {
  return t.stats.get(at(row, column)) ?? NOBODY;
}

/**
 * A table from four grouping sets: [row, column], [row], [column], [] (in that order), with the row
 * and column codes read by `rowCode` and `columnCode`. Rows and columns come in the order given.
 */
export function statsTable(
  sets: readonly (readonly GroupStats[])[],
  rowCode: (s: GroupStats) => string,
  columnCode: (s: GroupStats) => string,
  order: { rows: readonly string[]; columns: readonly string[] },
): StatsTable {
  const [cells = [], rowTotals = [], columnTotals = [], grand = []] = sets;
  const stats = new Map<string, Stats>();
  for (const s of cells) stats.set(at(rowCode(s), columnCode(s)), s);
  for (const s of rowTotals) stats.set(at(rowCode(s), TOTAL), s);
  for (const s of columnTotals) stats.set(at(TOTAL, columnCode(s)), s);
  for (const s of grand) stats.set(at(TOTAL, TOTAL), s);
  const present = (codes: readonly string[], has: (c: string) => boolean) => codes.filter(has);
  return {
    rows: present(order.rows, (r) => stats.has(at(r, TOTAL))),
    columns: present(order.columns, (c) => stats.has(at(TOTAL, c))),
    stats,
  };
}

export type PublishedTable = {
  rows: string[];
  columns: string[];
  /** The figures of a cell or margin; TOTAL for the margins. */
  figures(row: string, column: string): GapFigures;
  stats(row: string, column: string): Stats;
  hidden(row: string, column: string): boolean;
};

/** The figures of a group; a group of nobody has no mean. */
export function figuresOf(s: Stats): GapFigures {
  if (s.respondents === 0)
    return {
      respondents: 0,
      meanGap: null,
      affected: 0,
      shareAffected: null,
      priority: null,
      suppressed: null,
    };
  return {
    respondents: s.respondents,
    meanGap: s.totalGap / s.observations,
    affected: s.affected,
    shareAffected: s.affected / s.respondents,
    priority: (s.totalGap * s.affected) / s.observations,
    suppressed: null,
  };
}

const HIDDEN = (suppressed: GapSuppression): GapFigures => ({
  respondents: null,
  meanGap: null,
  affected: null,
  shareAffected: null,
  priority: null,
  suppressed,
});

/**
 * The table published with k as the minimum group size. `force` hides a cell or margin whatever its
 * size, for the reason it gives (a linked table's hidden cell, a differencing risk); the complementary
 * rules then protect it like a small cell.
 */
export function publish(
  t: StatsTable,
  k: number,
  force?: (row: string, column: string) => GapSuppression | null,
): PublishedTable {
  const get = (r: string, c: string) => t.stats.get(at(r, c)) ?? NOBODY;
  const status = new Map<string, GapSuppression | null>();
  if (t.rows.length && t.columns.length) {
    const cell = (r: string, c: string) => ({ n: get(r, c).respondents, value: 0 });
    const rowCodes = [...t.rows, TOTAL];
    const colCodes = [...t.columns, TOTAL];
    const table = suppressTable(
      {
        cells: t.rows.map((r) => t.columns.map((c) => cell(r, c))),
        rowTotals: t.rows.map((r) => cell(r, TOTAL)),
        columnTotals: t.columns.map((c) => cell(TOTAL, c)),
        grandTotal: cell(TOTAL, TOTAL),
        force: force ? (i, j) => force(rowCodes[i] ?? TOTAL, colCodes[j] ?? TOTAL) !== null : undefined,
      },
      { minGroupSize: k },
    );
    const extended = [
      ...table.cells.map((line, i) => [...line, table.rowTotals[i]]),
      [...table.columnTotals, table.grandTotal],
    ];
    for (const [i, line] of extended.entries())
      for (const [j, p] of line.entries()) {
        const r = rowCodes[i] ?? TOTAL;
        const c = colCodes[j] ?? TOTAL;
        const forced = force?.(r, c) ?? null;
        const small = isTooSmall(get(r, c).respondents, k);
        status.set(at(r, c), p?.suppressed ? (small ? 'primary' : (forced ?? p.suppressed)) : null);
      }
  }
  const suppressed = (r: string, c: string) => status.get(at(r, c)) ?? null;
  return {
    rows: t.rows,
    columns: t.columns,
    figures: (r, c) => {
      const s = suppressed(r, c);
      return s ? HIDDEN(s) : figuresOf(get(r, c));
    },
    stats: get,
    hidden: (r, c) => suppressed(r, c) !== null,
  };
}

/**
 * The cells of a parent table to hide because of a child table: a parent cell whose children hold
 * exactly one hidden cell in that column, and the column totals the child table hides (both tables
 * share them). `parentOf` gives a child row's parent row.
 */
export function lonelyChildren(
  children: readonly PublishedTable[],
  parentOf: (child: PublishedTable, row: string) => string,
): (row: string, column: string) => boolean {
  const hiddenChildren = new Map<string, number>();
  for (const child of children)
    for (const r of child.rows)
      for (const c of [...child.columns, TOTAL])
        if (child.hidden(r, c)) {
          const key = at(parentOf(child, r), c);
          hiddenChildren.set(key, (hiddenChildren.get(key) ?? 0) + 1);
        }
  return (row, column) => hiddenChildren.get(at(row, column)) === 1;
}

/** The visible groups of a line with some gap, by priority (exact ties broken by code), and how many were hidden. */
export function ranked(
  t: PublishedTable,
  row: string,
  keyOf: (column: string) => GapCell['key'],
): { columns: string[]; hidden: string[] } {
  const cells: { column: string; cell: GapCell }[] = [];
  const hidden: string[] = [];
  for (const c of t.columns) {
    const s = t.stats(row, c);
    if (s.respondents === 0) continue;
    if (t.hidden(row, c)) {
      hidden.push(c);
      continue;
    }
    if (s.totalGap === 0 || s.affected === 0) continue;
    const f = figuresOf(s);
    cells.push({
      column: c,
      cell: {
        key: keyOf(c),
        ...s,
        meanGap: f.meanGap ?? 0,
        shareAffected: f.shareAffected ?? 0,
        priority: f.priority ?? 0,
      },
    });
  }
  cells.sort((a, b) => comparePriority(a.cell, b.cell));
  return { columns: cells.map((x) => x.column), hidden };
}
