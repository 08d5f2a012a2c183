// Disclosure control: hand-worked patterns, the k boundary, empty cells, an attacker solving the
// published equations (who must fail), and 200 seeded random tables checked against the rules.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MIN_GROUP_SIZE,
  isTooSmall,
  type PublishedCell,
  type PublishedTable,
  type Suppression,
  suppressTable,
  type TableCell,
} from './suppression.js';

/** xs[i], failing the test when it is missing (no non-null assertions). */
function get<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`no element ${i}`);
  return x;
}
const get2 = <T>(xs: readonly (readonly T[])[], i: number, j: number): T => get(get(xs, i), j);

// ---- test tools: an attacker who knows everything published and solves the linear equations -----

/** A count table: every cell's value is its n. */
const counts = (n: number[][]): { cells: TableCell[][] } => ({
  cells: n.map((l) => l.map((x) => ({ n: x, value: x }))),
});

/** The published table with its margins as one grid, as the attacker sees it (null = hidden). */
function grid(t: PublishedTable): PublishedCell[][] {
  return [...t.cells.map((line, i) => [...line, get(t.rowTotals, i)]), [...t.columnTotals, t.grandTotal]];
}
const values = (g: PublishedCell[][]) => g.map((l) => l.map((c) => c.value));
const statuses = (g: PublishedCell[][]) => g.map((l) => l.map((c) => c.suppressed));

/**
 * Every hidden cell the published numbers fix exactly, with its value: each row and column of the
 * grid says "inner cells sum to the margin"; Gaussian elimination on the hidden unknowns, and an
 * unknown is fixed when its reduced row has no free variable. Independent of the library's graph.
 */
function recover(g: readonly (readonly (number | null)[])[]): Map<string, number> {
  const R = g.length - 1;
  const C = (g[0]?.length ?? 1) - 1;
  const unknowns: [number, number][] = [];
  g.forEach((l, i) => {
    l.forEach((v, j) => {
      if (v === null) unknowns.push([i, j]);
    });
  });
  const index = new Map(unknowns.map(([i, j], u) => [`${i},${j}`, u]));
  const rows: number[][] = [];
  const equation = (cells: [number, number, number][]) => {
    const eq = new Array(unknowns.length + 1).fill(0);
    for (const [i, j, sign] of cells) {
      const v = g[i]?.[j];
      const u = index.get(`${i},${j}`);
      if (u !== undefined) eq[u] += sign;
      else eq[unknowns.length] -= sign * (v ?? 0);
    }
    rows.push(eq);
  };
  for (let i = 0; i <= R; i++)
    equation(Array.from({ length: C + 1 }, (_, j): [number, number, number] => [i, j, j === C ? -1 : 1]));
  for (let j = 0; j <= C; j++)
    equation(Array.from({ length: R + 1 }, (_, i): [number, number, number] => [i, j, i === R ? -1 : 1]));

  const eps = 1e-9;
  const pivots: number[] = [];
  let r = 0;
  for (let col = 0; col < unknowns.length && r < rows.length; col++) {
    let p = r;
    for (let x = r + 1; x < rows.length; x++)
      if (Math.abs(get2(rows, x, col)) > Math.abs(get2(rows, p, col))) p = x;
    if (Math.abs(get2(rows, p, col)) < eps) continue;
    [rows[r], rows[p]] = [get(rows, p), get(rows, r)];
    const pivot = get2(rows, r, col);
    rows[r] = get(rows, r).map((v) => v / pivot);
    for (let x = 0; x < rows.length; x++) {
      if (x === r) continue;
      const f = get2(rows, x, col);
      if (Math.abs(f) > eps) rows[x] = get(rows, x).map((v, y) => v - f * get2(rows, r, y));
    }
    pivots.push(col);
    r += 1;
  }
  const fixed = new Map<string, number>();
  pivots.forEach((col, x) => {
    const row = get(rows, x);
    const others = row.slice(0, unknowns.length).some((v, y) => y !== col && Math.abs(v) > eps);
    if (!others) {
      const [i, j] = get(unknowns, col);
      fixed.set(`${i},${j}`, Math.round(get(row, unknowns.length) * 1e6) / 1e6);
    }
  });
  return fixed;
}

/** Publication with primary suppression only: what a naive screen would show. */
function primaryOnly(n: number[][], k = DEFAULT_MIN_GROUP_SIZE): (number | null)[][] {
  const withMargins = [...n.map((l) => [...l, l.reduce((a, b) => a + b, 0)])];
  withMargins.push(get(withMargins, 0).map((_, j) => withMargins.reduce((a, l) => a + get(l, j), 0)));
  return withMargins.map((l) => l.map((x) => (isTooSmall(x, k) ? null : x)));
}

const P = 'primary';
const S = 'secondary';
const _ = null;

// ---- rules -----------------------------------------------------------------------------------------

describe('suppressTable', () => {
  it('hides a small cell and the next smallest cells of its row and column, until every line has two', () => {
    const t = suppressTable(
      counts([
        [2, 10, 7],
        [8, 6, 12],
        [9, 11, 20],
      ]),
    );
    // Row 0 takes 7, column 0 takes 8, then column 2 (holding only 7) takes 12: a closed rectangle.
    expect(statuses(grid(t))).toEqual<Suppression[][]>([
      [P, _, S, _],
      [S, _, S, _],
      [_, _, _, _],
      [_, _, _, _],
    ]);
    expect(values(grid(t))).toEqual([
      [null, 10, null, 19],
      [null, 6, null, 26],
      [9, 11, 20, 40],
      [19, 27, 39, 85],
    ]);
  });

  it('hides a forced cell like a small one, and protects it with complements', () => {
    const t = suppressTable({
      ...counts([
        [20, 10, 7],
        [8, 6, 12],
        [9, 11, 20],
      ]),
      force: (i, j) => i === 2 && j === 1,
    });
    const s = statuses(grid(t));
    expect(s[2]?.[1]).toBe(P);
    // Its row and its column each hide a second cell, so it cannot be worked out from the totals.
    expect(s[2]?.filter((x) => x !== null).length).toBeGreaterThanOrEqual(2);
    expect(s.map((row) => row[1]).filter((x) => x !== null).length).toBeGreaterThanOrEqual(2);
  });

  it('hides k − 1 and shows k and k + 1 (default k = 5)', () => {
    const probe = (n: number) =>
      statuses(
        grid(
          suppressTable(
            counts([
              [n, 40],
              [40, 40],
            ]),
          ),
        ),
      );
    expect(DEFAULT_MIN_GROUP_SIZE).toBe(5);
    expect(probe(4)).toEqual<Suppression[][]>([
      [P, S, _],
      [S, S, _],
      [_, _, _],
    ]);
    expect(
      probe(5)
        .flat()
        .every((s) => s === null),
    ).toBe(true);
    expect(
      probe(6)
        .flat()
        .every((s) => s === null),
    ).toBe(true);
  });

  it('applies another k when asked: at k = 3, 2 is hidden and 3 shown', () => {
    const t = suppressTable(
      counts([
        [2, 3],
        [3, 9],
      ]),
      { minGroupSize: 3 },
    );
    expect(get2(t.cells, 0, 0).suppressed).toBe('primary');
    expect(get2(t.cells, 0, 1).suppressed).toBe('secondary');
    expect(isTooSmall(2, 3)).toBe(true);
    expect(isTooSmall(3, 3)).toBe(false);
    expect(get2(suppressTable(counts([[1, 1]]), { minGroupSize: 1 }).cells, 0, 0).suppressed).toBeNull();
  });

  it('shows empty cells (nobody to protect) and never picks one as a complement while a non-empty cell is free', () => {
    const clean = suppressTable(
      counts([
        [0, 7],
        [9, 0],
      ]),
    );
    expect(
      statuses(grid(clean))
        .flat()
        .every((s) => s === null),
    ).toBe(true);
    expect(get2(clean.cells, 0, 0)).toEqual({ n: 0, value: 0, suppressed: null });

    const t = suppressTable(
      counts([
        [3, 0, 9],
        [6, 0, 8],
      ]),
    );
    expect(statuses(grid(t))).toEqual<Suppression[][]>([
      [P, _, S, _],
      [S, _, S, _],
      [_, _, _, _],
    ]);
    expect(get2(t.cells, 0, 1)).toEqual({ n: 0, value: 0, suppressed: null });
  });

  it('hides a margin under k like any cell, and protects it in the column of totals', () => {
    const t = suppressTable(
      counts([
        [1, 2],
        [10, 20],
        [6, 30],
      ]),
    );
    // Row 0 (1 + 2 = 3 people) is hidden whole, its total included. Column 0 then takes 6, column 1
    // takes 20, the column of totals takes the smaller row total (30 against 36), and row 2, left
    // with one hidden cell, takes its 30 (an inner cell before its total).
    expect(statuses(grid(t))).toEqual<Suppression[][]>([
      [P, P, P],
      [_, S, S],
      [S, S, _],
      [_, _, _],
    ]);
    expect(recover(values(grid(t))).size).toBe(0);
  });

  it('hides whole small units in a unit × competency heatmap of means, and the next smallest unit with them', () => {
    // One person answers every competency, so each cell's n is the unit's respondents and the
    // margins are passed, not summed; values are mean gaps.
    const units = [3, 12, 7, 30];
    const means = [
      [2, 1, 0.5],
      [1.5, 0.25, 1],
      [0, 2, 1],
      [1, 1, 1],
    ];
    const t = suppressTable({
      cells: means.map((l, i) => l.map((m) => ({ n: get(units, i), value: m }))),
      rowTotals: units.map((n, i) => ({ n, value: get(means, i).reduce((a, b) => a + b, 0) / 3 })),
      columnTotals: [0, 1, 2].map((j) => ({
        n: 52,
        value: units.reduce((a, n, i) => a + n * get2(means, i, j), 0) / 52,
      })),
      grandTotal: { n: 52, value: 1 },
    });
    expect(statuses(grid(t))).toEqual<Suppression[][]>([
      [P, P, P, P],
      [_, _, _, _],
      [S, S, S, S],
      [_, _, _, _],
      [_, _, _, _],
    ]);
    expect(get2(t.cells, 1, 1)).toEqual({ n: 12, value: 0.25, suppressed: null });
  });

  it('is deterministic and leaves its input alone', () => {
    const input = counts([
      [2, 10, 7],
      [8, 6, 12],
    ]);
    const copy = structuredClone(input);
    expect(suppressTable(input)).toEqual(suppressTable(input));
    expect(input).toEqual(copy);
  });

  it('refuses an empty or ragged table, a negative or fractional count, and a bad k', () => {
    expect(() => suppressTable({ cells: [] })).toThrow(RangeError);
    expect(() => suppressTable({ cells: [[]] })).toThrow(RangeError);
    expect(() => suppressTable(counts([[1, 2], [3]]))).toThrow(RangeError);
    expect(() => suppressTable(counts([[-1, 2]]))).toThrow(RangeError);
    expect(() => suppressTable(counts([[1.5, 2]]))).toThrow(RangeError);
    expect(() => suppressTable(counts([[1, 2]]), { minGroupSize: 0 })).toThrow(RangeError);
    expect(() => suppressTable({ ...counts([[1, 2]]), rowTotals: [] })).toThrow(RangeError);
  });
});

// ---- differencing attacks --------------------------------------------------------------------------

describe('differencing attacks on a published table', () => {
  const table = [
    [3, 10, 7, 12],
    [8, 6, 12, 9],
    [9, 11, 20, 15],
  ];

  it('recover a cell hidden alone (control: the attacker works)', () => {
    const naive = primaryOnly(table);
    // Row total 32 minus 10 + 7 + 12 = 3.
    expect(recover(naive).get('0,0')).toBe(3);
  });

  it('recover nothing from the suppressed table and its margins', () => {
    const t = suppressTable(counts(table));
    expect(get2(t.cells, 0, 0).suppressed).toBe('primary');
    expect(recover(values(grid(t))).size).toBe(0);
  });

  it('recover a cell joining two closed rectangles, even though every line has two hidden cells', () => {
    const twoCycles = [
      [1, 2, 3, 20, 20],
      [2, 1, 20, 20, 20],
      [20, 20, 1, 2, 20],
      [20, 20, 2, 1, 20],
      [20, 20, 20, 20, 20],
    ];
    // Primary suppression alone already gives two hidden cells per line, yet rows 0 + 1 minus
    // columns 0 + 1 leave exactly the cell (0, 2).
    const naive = primaryOnly(twoCycles);
    expect(recover(naive)).toEqual(new Map([['0,2', 3]]));

    const t = suppressTable(counts(twoCycles));
    const s = statuses(grid(t));
    // One more cell, joining the rectangles' sides, closes the bridge: the first of the 20s at (2, 0).
    expect(s.flatMap((l, i) => l.flatMap((x, j) => (x === 'secondary' ? [`${i},${j}`] : [])))).toEqual([
      '2,0',
    ]);
    expect(recover(values(grid(t))).size).toBe(0);
  });

  it('recover nothing of a total-gap table either, with the pattern taken from the counts', () => {
    // Same people as `table`; values are the groups' total gaps, hidden where their n is.
    const totals = [
      [6, 11, 4, 30],
      [9, 3, 20, 10],
      [1, 22, 35, 16],
    ];
    const t = suppressTable({
      cells: table.map((l, i) => l.map((n, j) => ({ n, value: get2(totals, i, j) }))),
    });
    expect(recover(values(grid(t))).size).toBe(0);
    expect(recover(primaryOnly(totals, 0)).size).toBe(0); // sanity: nothing hidden, nothing to find
  });
});

// ---- property: 200 seeded random tables ------------------------------------------------------------

/** A small linear congruential generator (Numerical Recipes constants), so runs repeat exactly. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('suppressTable on 200 random tables', () => {
  it('never publishes 0 < n < k, never leaves one hidden cell in a line, never leaves a hidden cell recoverable', () => {
    const rnd = lcg(20260501);
    const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
    let hiddenSeen = 0;
    for (let t = 0; t < 200; t++) {
      const k = get([3, 5, 5, 5, 10], int(0, 4));
      const rows = int(1, 6);
      const cols = int(1, 6);
      const n = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () => {
          const r = rnd();
          return r < 0.2 ? 0 : r < 0.45 ? int(1, k - 1) : int(k, 40);
        }),
      );
      const published = grid(suppressTable(counts(n), { minGroupSize: k }));
      const original = primaryOnly(n, 0) as number[][];
      const context = JSON.stringify({ t, k, n });

      published.forEach((line, i) => {
        line.forEach((c, j) => {
          const x = get2(original, i, j);
          if (c.suppressed === null) {
            expect(isTooSmall(x, k), context).toBe(false);
            expect(c.value, context).toBe(x);
          } else {
            hiddenSeen += 1;
            expect(c.value, context).toBeNull();
            expect(c.suppressed === 'primary', context).toBe(isTooSmall(x, k));
          }
        });
      });
      const lines = [...published, ...get(published, 0).map((_, j) => published.map((l) => get(l, j)))];
      for (const l of lines) expect(l.filter((c) => c.suppressed !== null).length, context).not.toBe(1);
      expect(recover(values(published)).size, context).toBe(0);
    }
    expect(hiddenSeen).toBeGreaterThan(200); // the tables did exercise the rules
  });
});
