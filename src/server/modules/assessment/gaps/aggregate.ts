/**
 * From answers to cells: the gap statistics of a group of people, grouped by any subset of the
 * dimensions (region, unit, job profile, domain, area, competency), and the priority ranking.
 *
 * Why these statistics: a heatmap cell must say how deep the need is (mean gap, on the 0..3 level
 * scale so cells of different sizes compare) and how wide (how many people fall short). A cell
 * spanning several competencies (a domain) averages over person × competency answers, so its mean
 * stays on the same scale; a person is "affected" when at least one of their answers in the cell
 * has a gap of 1 level or more.
 *
 * Priority = mean gap × people affected: depth times breadth. For one competency it equals the
 * total gap × the share affected, so ten people one level short outrank one person three levels
 * short. Ties fall back to the cell's codes, so a ranking never depends on the input order.
 *
 * These are raw statistics: a cell of fewer than k people (5, the platform default) is never
 * published as is — rankByPriority leaves such cells out, and tables go through suppressTable.
 */
import { gap } from './gap.js';
import { isTooSmall, minGroupSize, type SuppressionOptions } from './suppression.js';

/** The grouping dimensions, in the order keys are compared when ranking. */
export const DIMENSIONS = ['region', 'unit', 'jobProfile', 'domain', 'area', 'competency'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** One person's answer on one competency, with the expected level already resolved (unit override first). */
export type PersonRow = {
  personKey: string;
  unitId: number;
  jobProfile: string | null;
  domain: string;
  area: string;
  competency: string;
  expected: number;
  assessed: number;
  region?: string | null;
};

export type CellKey = {
  region?: string | null;
  unit?: number;
  jobProfile?: string | null;
  domain?: string;
  area?: string;
  competency?: string;
};

export type GapCell = {
  key: CellKey;
  /** Distinct people with at least one answer in the cell. */
  respondents: number;
  /** Person × competency answers in the cell. */
  observations: number;
  totalGap: number;
  /** totalGap / observations. */
  meanGap: number;
  /** People with a gap of at least 1 on some competency of the cell, and their share of respondents. */
  affected: number;
  shareAffected: number;
  /** meanGap × affected. */
  priority: number;
};

function keyOf(row: PersonRow, dims: readonly Dimension[]): CellKey {
  const key: CellKey = {};
  for (const d of dims) {
    if (d === 'region') key.region = row.region ?? null;
    else if (d === 'unit') key.unit = row.unitId;
    else if (d === 'jobProfile') key.jobProfile = row.jobProfile;
    else key[d] = row[d];
  }
  return key;
}

/** The cells of the rows grouped by `by` (an empty `by` gives one cell for everyone), in key order. */
export function aggregate(rows: readonly PersonRow[], by: readonly Dimension[]): GapCell[] {
  const dims = DIMENSIONS.filter((d) => by.includes(d));
  const answered = new Set<string>();
  const groups = new Map<
    string,
    { key: CellKey; people: Set<string>; affected: Set<string>; obs: number; total: number }
  >();
  for (const row of rows) {
    const answer = JSON.stringify([row.personKey, row.competency]);
    if (answered.has(answer))
      throw new RangeError(`competency ${row.competency} answered twice by one person`);
    answered.add(answer);
    const key = keyOf(row, dims);
    const id = JSON.stringify(dims.map((d) => key[d]));
    let g = groups.get(id);
    if (!g) {
      g = { key, people: new Set(), affected: new Set(), obs: 0, total: 0 };
      groups.set(id, g);
    }
    const gp = gap(row.expected, row.assessed);
    g.people.add(row.personKey);
    if (gp >= 1) g.affected.add(row.personKey);
    g.obs += 1;
    g.total += gp;
  }
  return [...groups.values()]
    .map(({ key, people, affected, obs, total }) => ({
      key,
      respondents: people.size,
      observations: obs,
      totalGap: total,
      meanGap: total / obs,
      affected: affected.size,
      shareAffected: affected.size / people.size,
      priority: (total * affected.size) / obs,
    }))
    .sort((a, b) => compareKeys(a.key, b.key));
}

// One collator for every comparison: localeCompare with options builds one per call, and sorting a
// national table compares codes hundreds of thousands of times.
const naturalOrder = new Intl.Collator('en', { numeric: true });

/** Codes compare in natural order (C2 before C10), then by code point, so the order is total. */
export function compareCodes(a: string, b: string): number {
  return naturalOrder.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

function compareValues(a: string | number | null | undefined, b: string | number | null | undefined): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1; // "not given" last
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareCodes(String(a), String(b));
}

export function compareKeys(a: CellKey, b: CellKey): number {
  for (const d of DIMENSIONS) {
    const c = compareValues(a[d], b[d]);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Higher priority first, compared exactly (totalGap × affected / observations as a fraction, so
 * float rounding never breaks a tie), then by key.
 */
export function comparePriority(a: GapCell, b: GapCell): number {
  const diff = b.totalGap * b.affected * a.observations - a.totalGap * a.affected * b.observations;
  return diff !== 0 ? Math.sign(diff) : compareKeys(a.key, b.key);
}

/**
 * The cells by priority, leaving out those with 0 < respondents < k and those with no gap at all.
 * Ranking a small cell would publish it; when the ranking is shown beside totals, rank the cells
 * a suppressTable left visible instead.
 */
export function rankByPriority(cells: readonly GapCell[], opts?: SuppressionOptions): GapCell[] {
  const k = minGroupSize(opts);
  return cells.filter((c) => !isTooSmall(c.respondents, k) && c.priority > 0).sort(comparePriority);
}

/** A cell from its sums (as kept in the campaign's gap summary): the same statistics as `aggregate`. */
export function cellFromSums(
  key: CellKey,
  sums: { respondents: number; observations: number; totalGap: number; affected: number },
): GapCell {
  const { respondents, observations, totalGap, affected } = sums;
  return {
    key,
    respondents,
    observations,
    totalGap,
    meanGap: totalGap / observations,
    affected,
    shareAffected: affected / respondents,
    priority: (totalGap * affected) / observations,
  };
}
