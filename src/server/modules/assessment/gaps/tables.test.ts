import { describe, expect, it } from 'vitest';
import type { GroupStats } from './stats-repository.js';
import { lonelyChildren, publish, ranked, statsTable, TOTAL } from './tables.js';

/** A group of n people, each with one answer and a gap of `gap` levels. */
const g = (key: GroupStats['key'], n: number, gap = 1): GroupStats => ({
  key,
  respondents: n,
  observations: n,
  totalGap: n * gap,
  affected: gap > 0 ? n : 0,
});

/** A units × domains table from its cells, with margins summed (one answer per person and domain here). */
function table(cells: Record<string, Record<string, number>>) {
  const rows = Object.keys(cells);
  const cols = [...new Set(rows.flatMap((r) => Object.keys(cells[r] ?? {})))];
  const inner = rows.flatMap((r) => cols.map((c) => g({ unit: Number(r), domain: c }, cells[r]?.[c] ?? 0)));
  const rowTotals = rows.map((r) => g({ unit: Number(r) }, Math.max(...cols.map((c) => cells[r]?.[c] ?? 0))));
  const colTotals = cols.map((c) =>
    g(
      { domain: c },
      rows.reduce((n, r) => n + (cells[r]?.[c] ?? 0), 0),
    ),
  );
  const grand = [
    g(
      {},
      rowTotals.reduce((n, x) => n + x.respondents, 0),
    ),
  ];
  return statsTable(
    [inner.filter((x) => x.respondents > 0), rowTotals, colTotals, grand],
    (x) => String(x.key.unit),
    (x) => String(x.key.domain),
    { rows, columns: cols },
  );
}

describe('publish', () => {
  it('gives figures for visible cells and nulls with a reason for hidden ones', () => {
    const t = publish(
      table({
        1: { a: 10, b: 12 },
        2: { a: 2, b: 9 },
        3: { a: 8, b: 7 },
      }),
      5,
    );
    expect(t.figures('2', 'a')).toMatchObject({ respondents: null, meanGap: null, suppressed: 'primary' });
    // Its row and its column each lose a second cell.
    expect(t.hidden('2', 'b')).toBe(true);
    expect(['1', '3'].some((r) => t.hidden(r, 'a'))).toBe(true);
    const visible = ['1', '3'].find((r) => !t.hidden(r, 'b')) as string;
    expect(t.figures(visible, 'b')).toMatchObject({ meanGap: 1, shareAffected: 1, suppressed: null });
    expect(t.figures(TOTAL, TOTAL).respondents).toBe(12 + 9 + 8);
  });

  it('hides forced cells for the reason given, but calls a small cell primary whatever the force says', () => {
    const t = publish(table({ 1: { a: 10, b: 12 }, 2: { a: 6, b: 3 }, 3: { a: 8, b: 7 } }), 5, (r) =>
      r === '1' ? 'differencing' : null,
    );
    expect(t.figures('1', 'a').suppressed).toBe('differencing');
    expect(t.figures('1', TOTAL).suppressed).toBe('differencing');
    expect(t.figures('2', 'b').suppressed).toBe('primary');
  });
});

describe('lonelyChildren', () => {
  it('hides a parent cell whose children hide exactly one cell in that column, not two', () => {
    const units = publish(
      table({ 1: { a: 10, b: 12 }, 2: { a: 2, b: 9 }, 3: { a: 3, b: 7 }, 4: { a: 9, b: 9 } }),
      5,
    );
    // Region X = units 1 and 2 (one hidden child in column a), region Y = units 3 and 4.
    const regionOf = (u: string) => (u === '1' || u === '2' ? 'X' : 'Y');
    const hide = lonelyChildren([units], (_, r) => regionOf(r));
    const hiddenIn = (region: string, col: string) =>
      ['1', '2', '3', '4'].filter((u) => regionOf(u) === region && units.hidden(u, col)).length;
    for (const region of ['X', 'Y'])
      for (const col of ['a', 'b', TOTAL]) expect(hide(region, col)).toBe(hiddenIn(region, col) === 1);
  });
});

describe('ranked', () => {
  it('ranks the visible groups by priority and lists the hidden ones apart', () => {
    const t = publish(
      statsTable(
        [
          [
            g({ unit: 1, domain: 'a' }, 10, 1),
            g({ unit: 1, domain: 'b' }, 12, 2),
            g({ unit: 1, domain: 'c' }, 12, 0),
          ],
          [g({ unit: 1 }, 12)],
          [g({ domain: 'a' }, 10, 1), g({ domain: 'b' }, 12, 2), g({ domain: 'c' }, 12, 0)],
          [g({}, 12)],
        ],
        (x) => String(x.key.unit),
        (x) => String(x.key.domain),
        { rows: ['1'], columns: ['a', 'b', 'c'] },
      ),
      5,
    );
    const r = ranked(t, TOTAL, (c) => ({ domain: c }));
    expect(r.columns).toEqual(['b', 'a']); // c has no gap
    expect(r.hidden).toEqual([]);
  });
});
