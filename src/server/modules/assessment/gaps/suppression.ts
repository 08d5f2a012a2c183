import { DEFAULT_MIN_GROUP_SIZE } from '../../../../common/assessment.js';

/**
 * Disclosure control for a two-way table (e.g. unit × competency) published with its margins.
 *
 * Why: in an anonymous campaign the mean gap of a group of one *is* that person's answer. So any
 * aggregated cell with 0 < n < k respondents is hidden (primary suppression). k is the platform
 * default of 5 (DEFAULT_MIN_GROUP_SIZE), configurable per call. Hiding it is not enough when row
 * and column totals are published: a total minus the visible cells gives it back, so more cells
 * are hidden (complementary, or secondary, suppression) until no hidden cell can be worked out.
 *
 * The rules, on the table extended with its margins (row totals as a last column, column totals as
 * a last row, the grand total in the corner), since a margin is a published aggregate too:
 *  1. primary: every cell, margins included, with 0 < n < k is hidden. A cell with n = 0 is shown:
 *     it describes nobody, so there is nothing to protect (and hiding it would protect nothing).
 *  2. every row and column holding a hidden cell holds at least two: the next smallest cell is
 *     hidden — a non-empty cell before an empty one, an inner cell before a margin, then the smallest n.
 *  3. no hidden cell is a bridge. Seen as a graph (rows and columns are nodes, a hidden cell is the
 *     edge between its row and its column), the published totals fix a hidden cell exactly when its
 *     edge lies on no cycle: rule 2 alone allows two cycles joined by one cell, and that cell is
 *     recovered by adding two row totals and subtracting two column totals (see the tests). A bridge
 *     is closed by hiding the smallest cell that joins its two sides.
 * Steps 2 and 3 repeat until nothing changes; each step hides one more cell, so it ends.
 *
 * One pattern per table: every statistic published for the same cells (counts, mean gaps, shares)
 * must use the pattern computed on the respondent counts, as means become totals once n is known.
 * Margins are assumed known even when a screen does not show them, because another screen or an
 * export will (national totals): over-suppressing is the safe mistake.
 *
 * Limits, honestly: this protects against exact recovery by linear arithmetic on one table. It does
 * not audit intervals (knowing that counts are ≥ 0, that levels are 0..3, or that a group's hidden
 * gaps sum to 0 narrows a hidden cell, and an interval of width 0 is a disclosure); nor tables linked
 * by a hierarchy (domain vs its competencies) or published at other times — those must share a
 * pattern, e.g. by suppressing whole units consistently. The 'primary'/'secondary' flag is for the
 * server and the legend: showing it tells the reader which groups are smaller than k.
 */

/** The platform's default minimum group size: an aggregate of fewer people is never published. */
export { DEFAULT_MIN_GROUP_SIZE };

export type Suppression = 'primary' | 'secondary' | null;
/** A cell to publish: n respondents and the statistic shown for them (count, total, mean…). */
export type TableCell = { n: number; value: number };
export type PublishedCell = { n: number | null; value: number | null; suppressed: Suppression };

export type TableInput = {
  /** cells[row][column], a rectangle with at least one row and one column. */
  cells: readonly (readonly TableCell[])[];
  /**
   * The margins. When omitted, n and value are summed over the row or column: right for counts and
   * totals; pass them for means, or when one person counts in several cells (unit × competency).
   */
  rowTotals?: readonly TableCell[];
  columnTotals?: readonly TableCell[];
  grandTotal?: TableCell;
  /**
   * Cells to hide whatever their n, on the extended table (row `rows` is the column totals, column
   * `cols` the row totals): figures hidden by a linked table or by the differencing guard. They are
   * treated as primary suppressions, so the complementary rules protect them too.
   */
  force?: (row: number, column: number) => boolean;
};

export type PublishedTable = {
  cells: PublishedCell[][];
  rowTotals: PublishedCell[];
  columnTotals: PublishedCell[];
  grandTotal: PublishedCell;
};

export type SuppressionOptions = { minGroupSize?: number };

/** The k to apply: an integer of at least 1 (1 publishes everything). */
export function minGroupSize(opts?: SuppressionOptions): number {
  const k = opts?.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`minimum group size must be an integer ≥ 1, got ${k}`);
  return k;
}

/** Whether an aggregate of n people must be hidden by itself: 0 < n < k. */
export function isTooSmall(n: number, k: number): boolean {
  return n > 0 && n < k;
}

/**
 * The suppression pattern of a table already extended with its margins: `n` has R + 1 rows and
 * C + 1 columns, the last row and column being the totals. Exported so that several statistics of
 * the same cells can share one pattern.
 */
export function suppressionPattern(
  n: readonly (readonly number[])[],
  opts?: SuppressionOptions,
  force?: (row: number, column: number) => boolean,
): Suppression[][] {
  const k = minGroupSize(opts);
  const rows = n.length;
  const cols = n[0]?.length ?? 0;
  if (rows < 2 || cols < 2)
    throw new RangeError('a table needs at least one row and one column besides its margins');
  for (const line of n) {
    if (line.length !== cols) throw new RangeError('a table must be rectangular');
    for (const x of line)
      if (!Number.isInteger(x) || x < 0) throw new RangeError(`a count must be an integer ≥ 0, got ${x}`);
  }
  const t: Grid = {
    n,
    rows,
    cols,
    s: n.map((line, i) =>
      line.map((x, j) => (isTooSmall(x, k) || (force?.(i, j) ?? false) ? 'primary' : null)),
    ),
  };
  // Each pass hides at least one more cell, so this ends; it stops when both rules hold.
  let changed = true;
  while (changed) changed = pairLines(t) || closeBridge(t);
  return t.s;
}

/** Applies the rules to a table and its margins, hiding n and value together. */
export function suppressTable(input: TableInput, opts?: SuppressionOptions): PublishedTable {
  const { cells } = input;
  const rows = cells.length;
  const cols = cells[0]?.length ?? 0;
  if (rows === 0 || cols === 0) throw new RangeError('a table needs at least one row and one column');
  if (cells.some((line) => line.length !== cols)) throw new RangeError('a table must be rectangular');
  const rowTotals = input.rowTotals ?? cells.map((line) => sum(line));
  const columnTotals =
    input.columnTotals ?? Array.from({ length: cols }, (_, j) => sum(cells.map((l) => at(l, j))));
  const grandTotal = input.grandTotal ?? sum(rowTotals);
  if (rowTotals.length !== rows || columnTotals.length !== cols)
    throw new RangeError('one total per row and per column');

  const extended: TableCell[][] = [
    ...cells.map((line, i) => [...line, at(rowTotals, i)]),
    [...columnTotals, grandTotal],
  ];
  const pattern = suppressionPattern(
    extended.map((line) => line.map((c) => c.n)),
    opts,
    input.force,
  );
  const published = extended.map((line, i) =>
    line.map((c, j): PublishedCell => {
      const suppressed = at(at(pattern, i), j);
      return suppressed ? { n: null, value: null, suppressed } : { n: c.n, value: c.value, suppressed: null };
    }),
  );
  const last = published.pop() ?? [];
  return {
    cells: published.map((line) => line.slice(0, cols)),
    rowTotals: published.map((line) => at(line, cols)),
    columnTotals: last.slice(0, cols),
    grandTotal: at(last, cols),
  };
}

// ---- the complementary rules --------------------------------------------------------------------

type Grid = { n: readonly (readonly number[])[]; rows: number; cols: number; s: Suppression[][] };
type Pos = readonly [number, number];

function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new RangeError(`index ${i} out of range`);
  return x;
}

function sum(cells: readonly TableCell[]): TableCell {
  return cells.reduce((a, c) => ({ n: a.n + c.n, value: a.value + c.value }), { n: 0, value: 0 });
}

const hidden = (t: Grid, [i, j]: Pos) => at(at(t.s, i), j) !== null;

/** The line's cells: row i, or column j. */
function line(t: Grid, kind: 'row' | 'col', index: number): Pos[] {
  return kind === 'row'
    ? Array.from({ length: t.cols }, (_, j): Pos => [index, j])
    : Array.from({ length: t.rows }, (_, i): Pos => [i, index]);
}

/** Which candidate to hide first: a non-empty cell, an inner cell, the smallest n, the first position. */
function cost(t: Grid, [i, j]: Pos): number[] {
  const n = at(at(t.n, i), j);
  const margin = i === t.rows - 1 || j === t.cols - 1;
  return [n === 0 ? 1 : 0, margin ? 1 : 0, n, i, j];
}

function cheapest(t: Grid, candidates: readonly Pos[]): Pos | undefined {
  let best: Pos | undefined;
  let bestCost: number[] = [];
  for (const p of candidates) {
    if (hidden(t, p)) continue;
    const c = cost(t, p);
    if (best === undefined || lexLess(c, bestCost)) {
      best = p;
      bestCost = c;
    }
  }
  return best;
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let x = 0; x < a.length; x++) if (at(a, x) !== at(b, x)) return at(a, x) < at(b, x);
  return false;
}

function hide(t: Grid, [i, j]: Pos) {
  at(t.s, i)[j] = 'secondary';
}

/** Rule 2: a line with exactly one hidden cell gets a second one. */
function pairLines(t: Grid): boolean {
  let changed = false;
  const lines = [
    ...Array.from({ length: t.rows }, (_, i) => line(t, 'row', i)),
    ...Array.from({ length: t.cols }, (_, j) => line(t, 'col', j)),
  ];
  for (const cells of lines) {
    if (cells.filter((p) => hidden(t, p)).length !== 1) continue;
    const p = cheapest(t, cells);
    if (p) {
      hide(t, p);
      changed = true;
    }
  }
  return changed;
}

/** Rule 3: the first hidden cell on no cycle gets a cycle, through the cheapest cell joining its two sides. */
function closeBridge(t: Grid): boolean {
  const bridge = firstBridge(t);
  if (!bridge) return false;
  const [r, c] = bridge;
  const side = reachable(t, r, bridge); // nodes on the bridge row's side, the bridge left out
  const candidates: Pos[] = [];
  for (let i = 0; i < t.rows; i++)
    for (let j = 0; j < t.cols; j++) if (!side.has(i) && side.has(t.rows + j)) candidates.push([i, j]);
  const p = cheapest(t, candidates);
  if (!p) throw new Error(`no cell closes the bridge at ${r},${c}`); // rule 2 holds, so one always exists
  hide(t, p);
  return true;
}

/** Nodes: rows 0..rows−1, then columns rows..rows+cols−1; an edge per hidden cell. */
function adjacency(t: Grid): { to: number; cell: Pos }[][] {
  const adj: { to: number; cell: Pos }[][] = Array.from({ length: t.rows + t.cols }, () => []);
  for (let i = 0; i < t.rows; i++)
    for (let j = 0; j < t.cols; j++)
      if (hidden(t, [i, j])) {
        at(adj, i).push({ to: t.rows + j, cell: [i, j] });
        at(adj, t.rows + j).push({ to: i, cell: [i, j] });
      }
  return adj;
}

/** Tarjan's bridge search; returns the bridge with the first position, so the result is stable. */
function firstBridge(t: Grid): Pos | undefined {
  const adj = adjacency(t);
  const order: number[] = new Array(adj.length).fill(-1);
  const low: number[] = new Array(adj.length).fill(0);
  const bridges: Pos[] = [];
  let counter = 0;
  const visit = (v: number, via: Pos | null) => {
    order[v] = counter;
    low[v] = counter;
    counter += 1;
    for (const { to, cell } of at(adj, v)) {
      if (via && cell[0] === via[0] && cell[1] === via[1]) continue;
      if (at(order, to) === -1) {
        visit(to, cell);
        low[v] = Math.min(at(low, v), at(low, to));
        if (at(low, to) > at(order, v)) bridges.push(cell);
      } else low[v] = Math.min(at(low, v), at(order, to));
    }
  };
  for (let v = 0; v < adj.length; v++) if (at(order, v) === -1) visit(v, null);
  bridges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return bridges[0];
}

function reachable(t: Grid, from: number, without: Pos): Set<number> {
  const adj = adjacency(t);
  const seen = new Set([from]);
  const stack = [from];
  for (let v = stack.pop(); v !== undefined; v = stack.pop())
    for (const { to, cell } of at(adj, v))
      if (!(cell[0] === without[0] && cell[1] === without[1]) && !seen.has(to)) {
        seen.add(to);
        stack.push(to);
      }
  return seen;
}
