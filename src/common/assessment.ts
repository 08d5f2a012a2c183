/**
 * Closed vocabularies of the needs assessment (expected levels, campaigns, training plans), shared by
 * the database CHECKs, the API contracts and the web app.
 */

/** A level on the 0..3 scale: 0 none, 1 base, 2 intermedio, 3 avanzato. */
export const MIN_LEVEL = 0;
export const MAX_LEVEL = 3;

/** draft: being prepared; open: accepting answers (until its closing day); closed: read only. */
export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** invited: nothing saved yet; in_progress: a draft is saved; submitted: answered (final). */
export const PARTICIPANT_STATUSES = ['invited', 'in_progress', 'submitted'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** Custom questions: free text, one choice, several choices, a 1..5 scale. */
export const QUESTION_KINDS = ['text', 'single', 'multiple', 'scale'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** draft: proposed and being edited by the unit; approved: signed off, exported for the PIAO. */
export const PLAN_STATUSES = ['draft', 'approved'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** proposed: generated from the gaps; added: put in by the officer. */
export const PLAN_ITEM_ORIGINS = ['proposed', 'added'] as const;
export type PlanItemOrigin = (typeof PLAN_ITEM_ORIGINS)[number];

/** When a plan item is to be delivered: a quarter of a year, e.g. 2027-T1. */
export const QUARTER_PATTERN = /^\d{4}-T[1-4]$/;

/** The default minimum group size under which no statistic is shown. */
export const DEFAULT_MIN_GROUP_SIZE = 5;

/** The grains gap statistics are summed at: a competency, an area, a domain, or the whole framework. */
export const GAP_GRAINS = ['competency', 'area', 'domain', 'all'] as const;
export type GapGrain = (typeof GAP_GRAINS)[number];
