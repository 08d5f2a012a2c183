import { z } from 'zod';
import { HIRING_REASONS, HIRING_STATES } from './capacity.js';
import { idParams, text, wholeNumber, wholeParam } from './primitives.js';
import { cents, REORG_STATUSES } from './restructuring.js';
import { UNIT_TYPES } from './units.js';

export const capacityYear = wholeParam(2000, 2999);
export const capacityParams = idParams.extend({ year: capacityYear });

const money = cents.nullable();

/** A unit's figures for a year; money in integer cents. `revision` 0 creates the year. */
export const capacityInput = z.object({
  revision: wholeNumber(0, 2_147_483_647),
  personnelSpendingCents: money,
  revenueCents: z.tuple([money, money, money]),
  rendicontoYear: wholeNumber(2000, 2999).nullable(),
  fcdeCents: money,
  plannedHires: wholeNumber(0, 100_000).nullable(),
  actualHires: wholeNumber(0, 100_000).nullable(),
  plannedHiresCostCents: money,
  source: text(500).default(''),
});
export type CapacityInput = z.infer<typeof capacityInput>;

export const capacityFigures = capacityInput.omit({ revision: true }).extend({ source: z.string() });

export const capacityThreshold = z.object({
  id: z.number().int(),
  unitType: z.enum(UNIT_TYPES),
  minPopulation: z.number().int(),
  maxPopulation: z.number().int().nullable(),
  thresholdBp: z.number().int(),
  validFromYear: z.number().int(),
  validToYear: z.number().int().nullable(),
  source: z.string(),
  updatedAt: z.string(),
});
export type CapacityThresholdRow = z.infer<typeof capacityThreshold>;

export const thresholdInput = z
  .object({
    unitType: z.enum(UNIT_TYPES),
    minPopulation: wholeNumber(0, 100_000_000),
    maxPopulation: wholeNumber(1, 100_000_000).nullable(),
    /** Hundredths of a percent, 0–10000 (0–100.00%). */
    thresholdBp: wholeNumber(0, 10_000),
    validFromYear: wholeNumber(2000, 2999),
    validToYear: wholeNumber(2000, 2999).nullable(),
    source: text(500).min(3),
  })
  .refine((t) => t.maxPopulation === null || t.minPopulation < t.maxPopulation, {
    path: ['maxPopulation'],
    message: 'The band’s upper bound must be above its lower bound',
  })
  .refine((t) => t.validToYear === null || t.validFromYear <= t.validToYear, {
    path: ['validToYear'],
    message: 'The last year of validity must not precede the first',
  });
export type ThresholdInput = z.infer<typeof thresholdInput>;

const computed = z.object({
  complete: z.boolean(),
  missing: z.array(z.enum(['personnelSpending', 'revenue', 'fcde'])),
  netRevenueCents: z.number().int().nullable(),
  ratioPercent: z.number().nullable(),
  withinThreshold: z.boolean().nullable(),
  headroomCents: z.number().int().nullable(),
});

/** A unit's capacity for a year: its figures, the threshold that applies, the ratio and the hiring status. */
export const capacityView = z.object({
  unit: z.object({ id: z.number().int(), name: z.string(), unitType: z.enum(UNIT_TYPES) }),
  year: z.number().int(),
  currentYear: z.number().int(),
  past: z.boolean().describe('The year is before the current one'),
  exists: z.boolean(),
  revision: z.number().int(),
  updatedAt: z.string().nullable(),
  figures: capacityFigures,
  population: z
    .object({ year: z.number().int(), population: z.number().int(), source: z.string(), stale: z.boolean() })
    .nullable(),
  threshold: capacityThreshold.nullable(),
  result: computed,
  planStatus: z.enum(REORG_STATUSES),
  hiring: z.object({ state: z.enum(HIRING_STATES), reasons: z.array(z.enum(HIRING_REASONS)) }),
  canEdit: z.boolean(),
});
export type CapacityView = z.infer<typeof capacityView>;

export const capacityYears = z.object({
  unit: z.object({ id: z.number().int(), name: z.string() }),
  currentYear: z.number().int(),
  canEdit: z.boolean(),
  items: z.array(
    z.object({
      year: z.number().int(),
      ratioPercent: z.number().nullable(),
      state: z.enum(HIRING_STATES),
      updatedAt: z.string(),
    }),
  ),
});
export type CapacityYears = z.infer<typeof capacityYears>;

export const thresholdList = z.object({ items: z.array(capacityThreshold), canEdit: z.boolean() });
