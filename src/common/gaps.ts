import { z } from 'zod';
import { dbIdParam, wholeParam } from './primitives.js';

/**
 * The gap screens of a needs-assessment campaign: heatmaps, the priority ranking, the people's own
 * gaps (named campaigns only). Every figure of a group is published through the suppression of small
 * groups; a suppressed figure is null with the reason in `suppressed` (docs/gaps.md).
 */

/** What a heatmap's rows are: units (Provinces), job profiles, or regions. */
export const GAP_ROWS = ['unit', 'jobProfile', 'region'] as const;
export type GapRows = (typeof GAP_ROWS)[number];
/** What a heatmap's columns are, and what the ranking ranks: the framework's levels of detail. */
export const GAP_COLUMNS = ['domain', 'area', 'competency'] as const;
export type GapColumns = (typeof GAP_COLUMNS)[number];
/**
 * Why a figure is not shown: primary (fewer than k people), secondary (would let a hidden one be
 * worked out from the totals), differencing (would let a small group be worked out by subtracting
 * two published figures), otherUnit (shown to a Province officer, it would be, or with their own
 * unit's figures give, the figures of one other unit).
 */
export const SUPPRESSIONS = ['primary', 'secondary', 'differencing', 'otherUnit'] as const;
export type GapSuppression = (typeof SUPPRESSIONS)[number];

/** A job profile code, as the reference table spells them. */
export const jobProfileCode = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters and digits joined by -');

export const campaignIdParams = z.object({ id: dbIdParam });

export const heatmapQuery = z.object({
  rows: z.enum(GAP_ROWS).default('unit'),
  columns: z.enum(GAP_COLUMNS).default('domain'),
  /** One unit only: its job profiles as rows (rows=jobProfile), or its own row (rows=unit). */
  unit: dbIdParam.optional(),
  /** One job profile only, within the rows (not with rows=jobProfile). */
  jobProfile: jobProfileCode.optional(),
});
export type HeatmapQuery = z.infer<typeof heatmapQuery>;

export const prioritiesQuery = z.object({
  by: z.enum(GAP_COLUMNS).default('competency'),
  /** One unit's ranking; without it, the ranking of every published unit together. */
  unit: dbIdParam.optional(),
  jobProfile: jobProfileCode.optional(),
  /** How many items at most (the ranking is cut, never reordered). */
  limit: wholeParam(1, 500).default(20),
});
export type PrioritiesQuery = z.infer<typeof prioritiesQuery>;

/** The statistics of one group; all null when suppressed. */
export const gapFigures = z.object({
  /** Distinct people who answered in the group. */
  respondents: z.number().int().nullable(),
  /** Mean gap per person × competency answered, on the 0..3 level scale. */
  meanGap: z.number().nullable(),
  /** People with a gap of at least one level on some competency of the group. */
  affected: z.number().int().nullable(),
  shareAffected: z.number().nullable(),
  /** meanGap × affected. */
  priority: z.number().nullable(),
  suppressed: z.enum(SUPPRESSIONS).nullable(),
});
export type GapFigures = z.infer<typeof gapFigures>;

export const gapHead = z.object({
  code: z.string(),
  label: z.string(),
  /** A column's domain (for areas and competencies), to group the columns. */
  domain: z.string().nullable(),
  /** A unit left out of every figure: fewer than k people answered. */
  tooSmall: z.boolean(),
});
export type GapHead = z.infer<typeof gapHead>;

export const gapCampaign = z.object({
  id: z.number().int(),
  title: z.string(),
  status: z.enum(['open', 'closed']),
  anonymous: z.boolean(),
  minGroupSize: z.number().int(),
  opensOn: z.string(),
  closesOn: z.string(),
});
export type GapCampaign = z.infer<typeof gapCampaign>;

export const heatmap = z.object({
  campaign: gapCampaign,
  rows: z.enum(GAP_ROWS),
  columns: z.enum(GAP_COLUMNS),
  unit: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  jobProfile: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** False when nobody has answered yet (in the caller's scope): the table is then empty. */
  hasAnswers: z.boolean(),
  rowHeads: z.array(gapHead),
  columnHeads: z.array(gapHead),
  /** cells[row][column]. */
  cells: z.array(z.array(gapFigures)),
  rowTotals: z.array(gapFigures),
  columnTotals: z.array(gapFigures),
  grandTotal: gapFigures,
  /** Units of the campaign's results the caller may open (their own, or all). */
  units: z.array(z.object({ id: z.number().int(), name: z.string(), tooSmall: z.boolean() })),
  jobProfiles: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type Heatmap = z.infer<typeof heatmap>;

export const priorityItem = gapFigures.extend({
  rank: z.number().int(),
  code: z.string(),
  label: z.string(),
  domain: z.string().nullable(),
});
export type PriorityItem = z.infer<typeof priorityItem>;

export const priorities = z.object({
  campaign: gapCampaign,
  by: z.enum(GAP_COLUMNS),
  unit: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  jobProfile: z.object({ code: z.string(), name: z.string() }).nullable(),
  hasAnswers: z.boolean(),
  items: z.array(priorityItem),
  /** Groups left out because their figures are suppressed (how many, and which, with why). */
  suppressed: z.number().int(),
  hidden: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      domain: z.string().nullable(),
      suppressed: z.enum(SUPPRESSIONS),
    }),
  ),
});
export type Priorities = z.infer<typeof priorities>;

export const gapCampaignList = z.object({
  items: z.array(gapCampaign.extend({ hasAnswers: z.boolean() })),
});
export type GapCampaignList = z.infer<typeof gapCampaignList>;

/** One competency of a person's own gaps (named campaigns). */
export const personGapItem = z.object({
  code: z.string(),
  label: z.string(),
  domain: z.string(),
  area: z.string(),
  expected: z.number().int(),
  assessed: z.number().int(),
  gap: z.number().int(),
});
export type PersonGapItem = z.infer<typeof personGapItem>;

export const personGaps = z.object({
  userId: z.string(),
  name: z.string(),
  jobProfile: z.string().nullable(),
  competencies: z.number().int(),
  totalGap: z.number().int(),
  meanGap: z.number().nullable(),
  belowExpectation: z.number().int(),
  items: z.array(personGapItem),
});
export type PersonGaps = z.infer<typeof personGaps>;

export const myGapsQuery = z.object({ campaign: dbIdParam.optional() });
export const myGaps = z.object({
  /** Named campaigns the person answered, newest first. */
  campaigns: z.array(z.object({ id: z.number().int(), title: z.string(), closesOn: z.string() })),
  campaign: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  gaps: personGaps.nullable(),
});
export type MyGaps = z.infer<typeof myGaps>;

export const peopleGapsQuery = z.object({ unit: dbIdParam.optional() });
export const peopleGaps = z.object({
  campaign: gapCampaign,
  unit: z.object({ id: z.number().int(), name: z.string() }),
  people: z.array(personGaps),
});
export type PeopleGaps = z.infer<typeof peopleGaps>;

/**
 * The heatmap's colour steps of the mean gap (0..3), light to dark, each with a text colour of enough
 * contrast; the value is always printed too, so colour is never the only carrier.
 */
export const GAP_STEPS = [
  { upTo: 0.25, fill: '#f2f7fc', text: '#17324d' },
  { upTo: 0.75, fill: '#fde6c8', text: '#17324d' },
  { upTo: 1.25, fill: '#f7b267', text: '#17324d' },
  { upTo: 2, fill: '#c0392b', text: '#ffffff' },
  { upTo: Number.POSITIVE_INFINITY, fill: '#7a1616', text: '#ffffff' },
] as const;
