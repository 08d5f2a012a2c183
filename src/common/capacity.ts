import { ADOPTED_STATUSES, type ReorgStatus } from './restructuring.js';
import type { Unit } from './units.js';

/**
 * Hiring capacity by financial sustainability (DL 34/2019 art. 33 c.1-bis; DM 11 gennaio 2022):
 *
 *   ratio = personnel spending / (mean current revenue of the last three rendiconti − FCDE)
 *
 * A unit whose ratio is at or below the threshold of its type and population band may hire, and only
 * with an adopted restructuring plan (L. 205/2017 c.844–845). Every figure here is computed in one
 * place, exactly: money is integer cents, the threshold integer hundredths of a percent (20.80% = 2080),
 * and comparisons are made on integers (BigInt), never on rounded floats.
 */

/** A threshold of the reference data: units of `unitType` with `minPopulation ≤ population < maxPopulation`. */
export type CapacityThreshold = {
  unitType: Unit['unitType'];
  minPopulation: number;
  /** Exclusive; null for the open top band. */
  maxPopulation: number | null;
  /** Hundredths of a percent: 2080 = 20.80%. */
  thresholdBp: number;
  validFromYear: number;
  validToYear: number | null;
  source: string;
};

export type CapacityFigures = {
  personnelSpendingCents: number | null;
  /** Current revenue (entrate correnti) of the last three rendiconti. */
  revenueCents: readonly [number | null, number | null, number | null];
  fcdeCents: number | null;
};

export type CapacityResult =
  | { complete: false; missing: ('personnelSpending' | 'revenue' | 'fcde')[] }
  | {
      complete: true;
      /** Mean revenue net of the FCDE, in cents, rounded down (display only; comparisons stay exact). */
      netRevenueCents: number;
      /** The ratio as a percent rounded half up to two decimals (display only). */
      ratioPercent: number;
      /** null when the net revenue is not positive: no ratio can be computed. */
      withinThreshold: boolean | null;
      /** What may still be spent on personnel under the threshold; negative when above it. */
      headroomCents: number | null;
    };

/** The threshold of a unit's type and population for a year, or null when the reference data has none. */
export function thresholdFor(
  thresholds: readonly CapacityThreshold[],
  unitType: string,
  population: number,
  year: number,
): CapacityThreshold | null {
  return (
    thresholds.find(
      (t) =>
        t.unitType === unitType &&
        t.validFromYear <= year &&
        (t.validToYear === null || year <= t.validToYear) &&
        t.minPopulation <= population &&
        (t.maxPopulation === null || population < t.maxPopulation),
    ) ?? null
  );
}

/** Integer division rounding toward negative infinity. */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Ratio, headroom and whether the unit is within its threshold (when one applies). */
export function computeCapacity(f: CapacityFigures, thresholdBp: number | null): CapacityResult {
  const missing: ('personnelSpending' | 'revenue' | 'fcde')[] = [];
  if (f.personnelSpendingCents === null) missing.push('personnelSpending');
  if (f.revenueCents.some((r) => r === null)) missing.push('revenue');
  if (f.fcdeCents === null) missing.push('fcde');
  if (missing.length > 0) return { complete: false, missing };
  const spending = BigInt(f.personnelSpendingCents as number);
  const revenueSum = f.revenueCents.reduce<bigint>((s, r) => s + BigInt(r as number), 0n);
  // 3 × net revenue, so that the mean of three stays an integer: ratio = spending × 3 / net3.
  const net3 = revenueSum - 3n * BigInt(f.fcdeCents as number);
  const netRevenueCents = Number(floorDiv(net3, 3n));
  if (net3 <= 0n)
    return { complete: true, netRevenueCents, ratioPercent: 0, withinThreshold: null, headroomCents: null };
  // Percent with two decimals, half up: round(spending × 3 × 10000 / net3) hundredths of a percent.
  const ratioBp = floorDiv(spending * 3n * 10_000n * 2n + net3, net3 * 2n);
  const ratioPercent = Number(ratioBp) / 100;
  if (thresholdBp === null)
    return { complete: true, netRevenueCents, ratioPercent, withinThreshold: null, headroomCents: null };
  const bp = BigInt(thresholdBp);
  // spending / (net3 / 3) ≤ bp / 10000  ⇔  spending × 3 × 10000 ≤ bp × net3
  const withinThreshold = spending * 30_000n <= bp * net3;
  // The most the threshold allows, rounded down to the cent, less what is spent.
  const headroomCents = Number(floorDiv(bp * net3, 30_000n) - spending);
  return { complete: true, netRevenueCents, ratioPercent, withinThreshold, headroomCents };
}

export const HIRING_STATES = ['sbloccato', 'bloccato', 'da_verificare'] as const;
export type HiringState = (typeof HIRING_STATES)[number];

export const HIRING_REASONS = [
  'plan_not_adopted',
  'above_threshold',
  'within_threshold',
  'plan_to_update',
  'missing_figures',
  'no_population',
  'no_threshold',
  'no_net_revenue',
] as const;
export type HiringReason = (typeof HIRING_REASONS)[number];

/**
 * "Sblocco assunzioni": hiring is unlocked when the unit has an adopted plan and its ratio is within
 * the threshold. The reasons say why, in order of what the unit must do first; a plan marked "da
 * aggiornare" still counts as adopted, and says so.
 */
export function hiringStatus(
  planStatus: ReorgStatus,
  capacity: CapacityResult | null,
  threshold: CapacityThreshold | null,
  hasPopulation: boolean,
): { state: HiringState; reasons: HiringReason[] } {
  const reasons: HiringReason[] = [];
  const adopted = ADOPTED_STATUSES.includes(planStatus);
  if (!adopted) reasons.push('plan_not_adopted');
  if (planStatus === 'da_aggiornare') reasons.push('plan_to_update');
  if (!capacity?.complete) reasons.push('missing_figures');
  else if (!hasPopulation) reasons.push('no_population');
  else if (!threshold) reasons.push('no_threshold');
  else if (capacity.withinThreshold === null) reasons.push('no_net_revenue');
  else reasons.push(capacity.withinThreshold ? 'within_threshold' : 'above_threshold');
  if (!adopted || reasons.includes('above_threshold')) return { state: 'bloccato', reasons };
  return { state: reasons.includes('within_threshold') ? 'sbloccato' : 'da_verificare', reasons };
}
