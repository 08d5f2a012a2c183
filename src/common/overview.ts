import { z } from 'zod';
import { HIRING_REASONS, HIRING_STATES, type HiringState } from './capacity.js';
import {
  ADOPTED_STATUSES,
  DEADLINE_KINDS,
  INTERVENTION_KINDS,
  REORG_STATUSES,
  type ReorgStatus,
} from './restructuring.js';
import { UNIT_TYPES } from './units.js';

/**
 * The task force's national view: one row per territorial unit in the caller's scope with its plan,
 * population, hiring capacity, programming deadlines and the task force's follow-up; the trends of
 * plan statuses and interventions over time; and the aggregations the maps colour by.
 */

export const PROGRAMME_PHASES = ['1', '2', 'none'] as const;

/** Filters of the national view, as they stand in the page's address and the exports' query. */
export const overviewQuery = z.object({
  region: z
    .string()
    .trim()
    .regex(/^\d{2}$/, 'two digits')
    .optional(),
  type: z.enum(UNIT_TYPES).optional(),
  phase: z.enum(PROGRAMME_PHASES).optional(),
  plan: z.enum(REORG_STATUSES).optional(),
  hiring: z.enum(HIRING_STATES).optional(),
});
export type OverviewQuery = z.infer<typeof overviewQuery>;
export const OVERVIEW_FILTERS = ['region', 'type', 'phase', 'plan', 'hiring'] as const;

export const overviewRow = z.object({
  unitId: z.number().int(),
  istatCode: z.string(),
  sigla: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  unitType: z.enum(UNIT_TYPES),
  programmePhase: z.number().int().nullable(),
  planStatus: z.enum(REORG_STATUSES),
  planUpdatedAt: z.string().nullable(),
  /** A new version of the plan is proposed and waits for the task force's validation. */
  pendingProposal: z.boolean(),
  population: z.number().int().nullable(),
  populationYear: z.number().int().nullable(),
  /** The latest year with capacity figures (≤ the current year), or null when none was entered. */
  capacityYear: z.number().int().nullable(),
  /** True when the figures are older than the year before the current one. */
  capacityStale: z.boolean(),
  ratioPercent: z.number().nullable(),
  thresholdPercent: z.number().nullable(),
  headroomCents: z.number().int().nullable(),
  hiringStatus: z.enum(HIRING_STATES),
  hiringReasons: z.array(z.enum(HIRING_REASONS)),
  nextDeadline: z
    .object({
      kind: z.enum(DEADLINE_KINDS),
      year: z.number().int(),
      due: z.string(),
      daysLeft: z.number().int(),
    })
    .nullable(),
  overdue: z.number().int(),
  lead: z.object({ id: z.string(), name: z.string() }).nullable(),
  openRisks: z.number().int(),
});
export type OverviewRow = z.infer<typeof overviewRow>;

export const overviewView = z.object({
  today: z.string(),
  currentYear: z.number().int(),
  rows: z.array(overviewRow),
});
export type OverviewView = z.infer<typeof overviewView>;

/** A count per value of a vocabulary, every value present (an object, so the API document names each key). */
const countsOf = <const T extends readonly string[]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as { [K in T[number]]: z.ZodNumber });

export const trendsView = z.object({
  months: z.array(z.string()),
  /** Per month (same order), how many units ended it in each plan status. */
  planStatus: z.array(countsOf(REORG_STATUSES)),
  /** Per month, interventions held by kind. */
  interventions: z.array(countsOf(INTERVENTION_KINDS)),
});
export type TrendsView = z.infer<typeof trendsView>;

// ── What the maps colour by ───────────────────────────────────────────────────────────────────────

export const MAP_INDICATORS = ['plan', 'hiring', 'ratio', 'overdue'] as const;
export type MapIndicator = (typeof MAP_INDICATORS)[number];

/** Bands of the capacity ratio against the unit's own threshold. */
export const RATIO_BANDS = ['well_within', 'near', 'above', 'unknown'] as const;
export type RatioBand = (typeof RATIO_BANDS)[number];

/** Within by more than two points, within by two points or less, above, or not computable. */
export function ratioBand(row: Pick<OverviewRow, 'ratioPercent' | 'thresholdPercent'>): RatioBand {
  if (row.ratioPercent === null || row.thresholdPercent === null) return 'unknown';
  if (row.ratioPercent > row.thresholdPercent) return 'above';
  return row.thresholdPercent - row.ratioPercent > 2 ? 'well_within' : 'near';
}

export const OVERDUE_BANDS = ['none', 'one', 'more'] as const;
export type OverdueBand = (typeof OVERDUE_BANDS)[number];
export const overdueBand = (n: number): OverdueBand => (n === 0 ? 'none' : n === 1 ? 'one' : 'more');

/** The category of a unit for an indicator (one of the legend's entries). */
export function categoryOf(row: OverviewRow, indicator: MapIndicator): string {
  switch (indicator) {
    case 'plan':
      return row.planStatus;
    case 'hiring':
      return row.hiringStatus;
    case 'ratio':
      return ratioBand(row);
    case 'overdue':
      return overdueBand(row.overdue);
  }
}

/** The legend's entries of an indicator, in order. */
export function categoriesOf(indicator: MapIndicator): readonly string[] {
  switch (indicator) {
    case 'plan':
      return REORG_STATUSES;
    case 'hiring':
      return HIRING_STATES;
    case 'ratio':
      return RATIO_BANDS;
    case 'overdue':
      return OVERDUE_BANDS;
  }
}

/** A unit counts as "good" for the region's colour: plan adopted, hiring unlocked, ratio within, nothing overdue. */
export function isGood(row: OverviewRow, indicator: MapIndicator): boolean {
  switch (indicator) {
    case 'plan':
      return ADOPTED_STATUSES.includes(row.planStatus as ReorgStatus);
    case 'hiring':
      return row.hiringStatus === ('sbloccato' satisfies HiringState);
    case 'ratio':
      return ratioBand(row) === 'well_within' || ratioBand(row) === 'near';
    case 'overdue':
      return row.overdue === 0;
  }
}

export type RegionAggregate = {
  regionCode: string;
  regionName: string;
  units: number;
  good: number;
  share: number;
};

/** Per region, how many units and how many "good" ones for the indicator (share 0–1; regions without units absent). */
export function regionAggregates(rows: readonly OverviewRow[], indicator: MapIndicator): RegionAggregate[] {
  const byRegion = new Map<string, RegionAggregate>();
  for (const r of rows) {
    const a = byRegion.get(r.regionCode) ?? {
      regionCode: r.regionCode,
      regionName: r.regionName,
      units: 0,
      good: 0,
      share: 0,
    };
    a.units += 1;
    if (isGood(r, indicator)) a.good += 1;
    byRegion.set(r.regionCode, a);
  }
  return [...byRegion.values()]
    .map((a) => ({ ...a, share: a.units ? a.good / a.units : 0 }))
    .sort((a, b) => a.regionCode.localeCompare(b.regionCode));
}

/** The share as one of five bands (0–20%, …, 80–100%), for a legend that names its steps. */
export const shareBand = (share: number) => Math.min(4, Math.floor(share * 5));
