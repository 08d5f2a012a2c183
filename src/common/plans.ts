import { z } from 'zod';
import { PLAN_ITEM_ORIGINS, PLAN_STATUSES, QUARTER_PATTERN } from './assessment.js';
import { DELIVERY_MODES } from './catalogue.js';
import { dbId, dbIdParam, MAX_INT32, text, wholeNumber } from './primitives.js';

/**
 * Training plans drawn from a campaign's gaps ("dai fabbisogni all'offerta"): a unit's plan and its
 * lines, the national demand across plans, and a learner's suggested paths.
 */

const version = wholeNumber(1, MAX_INT32);
const bilingual = z.object({ it: z.string(), en: z.string() });

export const planCreateInput = z.object({ campaignId: dbId, unitId: dbId });

export const planListQuery = z.object({ campaign: dbIdParam.optional(), unit: dbIdParam.optional() });

export const planItemUpdateInput = z.object({
  version,
  participants: z.number().int().min(0).max(100_000).optional(),
  /** Hours per participant, to the tenth of an hour. */
  hoursPerParticipant: z
    .number()
    .min(0)
    .max(10_000)
    .refine((h) => Math.abs(h * 10 - Math.round(h * 10)) < 1e-6, 'at most one decimal')
    .optional(),
  deliveryMode: z.enum(DELIVERY_MODES).optional(),
  quarter: z.string().regex(QUARTER_PATTERN, 'a quarter like 2027-T1').optional(),
  notes: text(2000).optional(),
});
export type PlanItemUpdateInput = z.infer<typeof planItemUpdateInput>;

export const planItemAddInput = z.object({ version, pathId: dbId });
export const planOrderInput = z.object({ version, itemIds: z.array(dbId).min(1).max(500) });
export const planUpdateInput = z.object({ version, notes: text(4000) });
export const planVersionInput = z.object({ version });
export const planVersionQuery = z.object({ version: dbIdParam });

export const planItem = z.object({
  id: z.number().int(),
  pathId: z.number().int().nullable(),
  pathSlug: z.string().nullable(),
  title: bilingual,
  competencyCodes: z.array(z.string()),
  participants: z.number().int(),
  hoursPerParticipant: z.number(),
  totalHours: z.number(),
  deliveryMode: z.enum(DELIVERY_MODES),
  quarter: z.string(),
  origin: z.enum(PLAN_ITEM_ORIGINS),
  notes: z.string(),
  position: z.number().int(),
});
export type PlanItem = z.infer<typeof planItem>;

export const planPriority = z.object({
  code: z.string(),
  name: bilingual,
  /**
   * Mean gap × people affected, rounded to two decimals; null when the cell is not publishable (the
   * gap heatmap hides it: too few respondents, or hidden so that a small group's cell cannot be
   * worked out from the others).
   */
  priority: z.number().nullable(),
});
export type PlanPriority = z.infer<typeof planPriority>;

export const planView = z.object({
  id: z.number().int(),
  campaign: z.object({
    id: z.number().int(),
    title: bilingual,
    closesOn: z.string(),
    anonymous: z.boolean(),
  }),
  unit: z.object({ id: z.number().int(), name: z.string() }),
  year: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  notes: z.string(),
  version: z.number().int(),
  /** The unit's respondents and the campaign's minimum group size. */
  respondents: z.number().int(),
  minGroupSize: z.number().int(),
  /** Competencies whose priority is not publishable (listed with a null priority). */
  withheld: z.number().int(),
  priorities: z.array(planPriority),
  items: z.array(planItem),
  totals: z.object({ participants: z.number().int(), hours: z.number(), lines: z.number().int() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  canEdit: z.boolean(),
});
export type PlanView = z.infer<typeof planView>;

export const planSummary = z.object({
  id: z.number().int(),
  campaign: z.object({ id: z.number().int(), title: bilingual }),
  unit: z.object({ id: z.number().int(), name: z.string() }),
  year: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  lines: z.number().int(),
  totalHours: z.number(),
  updatedAt: z.string(),
  approvedAt: z.string().nullable(),
});
export type PlanSummary = z.infer<typeof planSummary>;

/** A closed campaign a unit in scope may draw a plan from, with its respondents and plan (if any). */
export const planCandidate = z.object({
  campaign: z.object({
    id: z.number().int(),
    title: bilingual,
    closesOn: z.string(),
    minGroupSize: z.number(),
  }),
  unit: z.object({ id: z.number().int(), name: z.string() }),
  respondents: z.number().int(),
  /** False when the unit has fewer respondents than the campaign's minimum group size. */
  enough: z.boolean(),
  planId: z.number().int().nullable(),
});
export type PlanCandidate = z.infer<typeof planCandidate>;

export const planList = z.object({ items: z.array(planSummary), candidates: z.array(planCandidate) });
export type PlanList = z.infer<typeof planList>;

/** A published path that may be added to a plan. */
export const planPathOption = z.object({
  id: z.number().int(),
  slug: z.string(),
  title: z.string(),
  hours: z.number(),
  deliveryModes: z.array(z.enum(DELIVERY_MODES)),
  competencyCodes: z.array(z.string()),
});
export type PlanPathOption = z.infer<typeof planPathOption>;
export const planPathQuery = z.object({ q: text(100).optional() });

// ---- National demand ---------------------------------------------------------------------------

export const demandQuery = z.object({ campaign: dbIdParam });

export const QUARTERS = ['T1', 'T2', 'T3', 'T4'] as const;

export const demandPath = z.object({
  pathId: z.number().int(),
  title: z.string(),
  competencyCodes: z.array(z.string()),
  units: z.number().int(),
  /** Of which still in draft (not yet approved). */
  draftUnits: z.number().int(),
  participants: z.number().int(),
  hours: z.number(),
  byQuarter: z.object({
    T1: z.number().int(),
    T2: z.number().int(),
    T3: z.number().int(),
    T4: z.number().int(),
  }),
  unitNames: z.array(z.string()),
});
export type DemandPath = z.infer<typeof demandPath>;

export const demandGap = z.object({
  code: z.string(),
  name: bilingual,
  units: z.number().int(),
  draftUnits: z.number().int(),
  people: z.number().int(),
  /** The sum of the asking units' publishable priorities on the competency. */
  priority: z.number(),
  /** Asking units whose priority on it is not publishable (left out of the sum). */
  hiddenUnits: z.number().int(),
  unitNames: z.array(z.string()),
});
export type DemandGap = z.infer<typeof demandGap>;

export const demandView = z.object({
  campaign: z.object({ id: z.number().int(), title: bilingual, minGroupSize: z.number().int() }),
  year: z.number().int(),
  plans: z.object({ approved: z.number().int(), draft: z.number().int() }),
  /** Units of the campaign left out because they had fewer respondents than the minimum. */
  unitsBelowMinimum: z.number().int(),
  paths: z.array(demandPath),
  gaps: z.array(demandGap),
});
export type DemandView = z.infer<typeof demandView>;

export const demandCampaigns = z.object({
  items: z.array(z.object({ id: z.number().int(), title: bilingual, closesOn: z.string() })),
});

// ---- A learner's suggestions -------------------------------------------------------------------

export const suggestionView = z.object({
  /** The learner's latest named campaign answered; null when there is none. */
  campaign: z.object({ id: z.number().int(), title: bilingual, closesOn: z.string() }).nullable(),
  competencies: z.array(
    z.object({
      code: z.string(),
      name: bilingual,
      expected: z.number().int(),
      assessed: z.number().int(),
      gap: z.number().int(),
    }),
  ),
  paths: z.array(
    z.object({
      id: z.number().int(),
      slug: z.string(),
      title: z.string(),
      hours: z.number(),
      deliveryModes: z.array(z.enum(DELIVERY_MODES)),
      competencyCodes: z.array(z.string()),
      editions: z.array(
        z.object({
          id: z.number().int(),
          title: z.string(),
          startsOn: z.string(),
          endsOn: z.string(),
          online: z.boolean(),
          enrolmentOpen: z.boolean(),
        }),
      ),
    }),
  ),
});
export type SuggestionView = z.infer<typeof suggestionView>;
