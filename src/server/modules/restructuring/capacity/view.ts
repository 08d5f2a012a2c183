import { computeCapacity, hiringStatus, thresholdFor } from '../../../../common/capacity.js';
import type { CapacityView } from '../../../../common/capacity-api.js';
import type { ReorgStatus } from '../../../../common/restructuring.js';
import { STALE_AFTER_YEARS } from '../../../../common/unit-profiles.js';
import type { Unit } from '../../../../common/units.js';
import type { CapacityRow, ThresholdRow } from './repository.js';

export type PopulationFigure = { year: number; population: number; source: string };

export const toThreshold = (t: ThresholdRow) => ({
  id: t.id,
  unitType: t.unitType,
  minPopulation: t.minPopulation,
  maxPopulation: t.maxPopulation,
  thresholdBp: t.thresholdBp,
  validFromYear: t.validFromYear,
  validToYear: t.validToYear,
  source: t.source,
  updatedAt: t.updatedAt.toISOString(),
});

/**
 * A unit's capacity for a year, computed only by common/capacity.ts: the threshold of its type and
 * population band, the ratio and headroom, and the hiring status with its reasons.
 */
export function capacityViewOf(a: {
  unit: { id: number; name: string; unitType: Unit['unitType'] };
  year: number;
  currentYear: number;
  row: CapacityRow | null;
  population: PopulationFigure | null;
  thresholds: readonly ThresholdRow[];
  planStatus: ReorgStatus;
  canEdit: boolean;
}): CapacityView {
  const { row, population } = a;
  const figures = {
    personnelSpendingCents: row?.personnelSpendingCents ?? null,
    revenueCents: [row?.revenue1Cents ?? null, row?.revenue2Cents ?? null, row?.revenue3Cents ?? null] as [
      number | null,
      number | null,
      number | null,
    ],
    rendicontoYear: row?.rendicontoYear ?? null,
    fcdeCents: row?.fcdeCents ?? null,
    plannedHires: row?.plannedHires ?? null,
    actualHires: row?.actualHires ?? null,
    plannedHiresCostCents: row?.plannedHiresCostCents ?? null,
    source: row?.source ?? '',
  };
  const threshold = population
    ? thresholdFor(a.thresholds, a.unit.unitType, population.population, a.year)
    : null;
  const result = computeCapacity(
    {
      personnelSpendingCents: figures.personnelSpendingCents,
      revenueCents: figures.revenueCents,
      fcdeCents: figures.fcdeCents,
    },
    threshold?.thresholdBp ?? null,
  );
  const hiring = hiringStatus(a.planStatus, result, threshold, population !== null);
  const thresholdRow = threshold ? (threshold as ThresholdRow) : null;
  return {
    unit: a.unit,
    year: a.year,
    currentYear: a.currentYear,
    past: a.year < a.currentYear,
    exists: row !== null,
    revision: row?.revision ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    figures,
    population: population
      ? { ...population, stale: a.currentYear - population.year > STALE_AFTER_YEARS }
      : null,
    threshold: thresholdRow ? toThreshold(thresholdRow) : null,
    result: result.complete
      ? { ...result, missing: [] }
      : {
          complete: false,
          missing: result.missing,
          netRevenueCents: null,
          ratioPercent: null,
          withinThreshold: null,
          headroomCents: null,
        },
    planStatus: a.planStatus,
    hiring,
    canEdit: a.canEdit,
  };
}
