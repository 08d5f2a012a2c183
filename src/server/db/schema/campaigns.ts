import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  CAMPAIGN_STATUSES,
  DEFAULT_MIN_GROUP_SIZE,
  GAP_GRAINS,
  MAX_LEVEL,
  MIN_LEVEL,
  PARTICIPANT_STATUSES,
  QUESTION_KINDS,
} from '../../../common/assessment.js';
import { inRange, oneOf } from '../checks.js';
import { competencyFrameworks, frameworkCompetencies } from './assessment.js';
import { users } from './identity.js';
import { jobProfiles, territorialUnits } from './reference.js';

/**
 * A survey campaign (rilevazione dei fabbisogni): national, or for chosen units, over a period, on a
 * target population. It refers to the framework version it asks about, so a later version never
 * changes what was asked or answered.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: serial('id').primaryKey(),
    titleIt: text('title_it').notNull(),
    titleEn: text('title_en').notNull(),
    descriptionIt: text('description_it').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    frameworkId: integer('framework_id')
      .notNull()
      .references(() => competencyFrameworks.id),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('draft'),
    /** Anonymous: answers are stored apart from who gave them and never shown per person. */
    anonymous: boolean('anonymous').notNull().default(false),
    /** Named campaigns only: the unit's officer also assesses each respondent. */
    managerAssessment: boolean('manager_assessment').notNull().default(false),
    /** Groups smaller than this are never shown (5 by default). */
    minGroupSize: integer('min_group_size').notNull().default(DEFAULT_MIN_GROUP_SIZE),
    /** The domains asked about; empty = all. */
    domainCodes: text('domain_codes').array().notNull().default(sql`'{}'::text[]`),
    /** National: every unit in the programme; otherwise the units in campaign_units. */
    national: boolean('national').notNull().default(true),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneOf(t.status, CAMPAIGN_STATUSES),
    check('campaigns_period_check', sql`${t.closesOn} >= ${t.opensOn}`),
    check('campaigns_manager_named_check', sql`not (${t.anonymous} and ${t.managerAssessment})`),
    // An anonymous campaign never shows a group smaller than 5: a smaller k would let the few others
    // in a group (an officer answering their own unit's survey among them) recover one person.
    check(
      'campaigns_anonymous_group_check',
      sql`not ${t.anonymous} or ${t.minGroupSize} >= ${sql.raw(String(DEFAULT_MIN_GROUP_SIZE))}`,
    ),
    inRange(t.minGroupSize, 2, 1000),
  ],
);

/** The units a non-national campaign is for. */
export const campaignUnits = pgTable(
  'campaign_units',
  {
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => territorialUnits.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.unitId] })],
);

/** The job profiles a campaign targets; none = every profile. */
export const campaignJobProfiles = pgTable(
  'campaign_job_profiles',
  {
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    jobProfileCode: text('job_profile_code')
      .notNull()
      .references(() => jobProfiles.code),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.jobProfileCode] })],
);

/** People chosen by name, in addition to (or instead of) units and profiles. */
export const campaignPeople = pgTable(
  'campaign_people',
  {
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.userId] })],
);

/** A custom question added to the questionnaire after the framework's competencies. */
export const campaignQuestions = pgTable(
  'campaign_questions',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: QUESTION_KINDS }).notNull(),
    promptIt: text('prompt_it').notNull(),
    promptEn: text('prompt_en').notNull(),
    /** The choices of 'single' and 'multiple' questions. */
    options: jsonb('options').$type<{ it: string; en: string }[]>().notNull().default([]),
    required: boolean('required').notNull().default(false),
  },
  (t) => [index('campaign_questions_campaign').on(t.campaignId), oneOf(t.kind, QUESTION_KINDS)],
);

/**
 * A person invited to answer, with the unit and job profile they had when invited (the groups their
 * answers count in). The draft holds what they saved and is emptied on submission; for an anonymous
 * campaign nothing here points to the submitted response.
 */
export const campaignParticipants = pgTable(
  'campaign_participants',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').references(() => territorialUnits.id),
    jobProfileCode: text('job_profile_code').references(() => jobProfiles.code),
    status: text('status', { enum: PARTICIPANT_STATUSES }).notNull().default('invited'),
    draft: jsonb('draft').$type<Record<string, unknown>>(),
    draftSavedAt: timestamp('draft_saved_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
    reminders: integer('reminders').notNull().default(0),
  },
  (t) => [
    uniqueIndex('campaign_participants_person').on(t.campaignId, t.userId),
    index('campaign_participants_unit').on(t.campaignId, t.unitId, t.status),
    index('campaign_participants_user').on(t.userId),
    oneOf(t.status, PARTICIPANT_STATUSES),
  ],
);

/**
 * A submitted questionnaire. Its id is random (no order to match against participants); for an
 * anonymous campaign participant_id is null and no time is kept, so no row leads back to a person.
 */
export const campaignResponses = pgTable(
  'campaign_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').references(() => territorialUnits.id),
    jobProfileCode: text('job_profile_code').references(() => jobProfiles.code),
    /** Named campaigns only. */
    participantId: integer('participant_id').references(() => campaignParticipants.id, {
      onDelete: 'cascade',
    }),
  },
  (t) => [
    index('campaign_responses_group').on(t.campaignId, t.unitId, t.jobProfileCode),
    uniqueIndex('campaign_responses_participant').on(t.participantId),
  ],
);

/**
 * One competency's levels in a response: self-assessed, and the manager's when the campaign asks for
 * it (it then counts for the gap). A competency answered "not applicable" has no row.
 */
export const campaignResponseLevels = pgTable(
  'campaign_response_levels',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => campaignResponses.id, { onDelete: 'cascade' }),
    competencyId: integer('competency_id')
      .notNull()
      .references(() => frameworkCompetencies.id),
    selfLevel: smallint('self_level').notNull(),
    managerLevel: smallint('manager_level'),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.competencyId] }),
    index('campaign_response_levels_competency').on(t.competencyId),
    inRange(t.selfLevel, MIN_LEVEL, MAX_LEVEL),
    inRange(t.managerLevel, MIN_LEVEL, MAX_LEVEL),
  ],
);

/** The answer to a custom question: text, or the chosen option indexes, or a 1..5 value. */
export const campaignResponseAnswers = pgTable(
  'campaign_response_answers',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => campaignResponses.id, { onDelete: 'cascade' }),
    questionId: integer('question_id')
      .notNull()
      .references(() => campaignQuestions.id, { onDelete: 'cascade' }),
    value: jsonb('value').$type<string | number | number[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.questionId] })],
);

/**
 * Gap statistics of a campaign, summed per unit × job profile at every grain of the framework
 * (competency, area, domain, all), so a national heatmap adds up a few thousand rows instead of
 * reading a million answers. People are split by unit and profile, so sums across units, profiles and
 * regions are exact; `affected` counts people with a gap of at least 1 on some competency of the cell.
 * Derived data: refreshed from the answers and the expected levels when either changes.
 */
export const campaignGapCells = pgTable(
  'campaign_gap_cells',
  {
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => territorialUnits.id),
    jobProfileCode: text('job_profile_code').notNull(),
    grain: text('grain', { enum: GAP_GRAINS }).notNull(),
    /** The competency, area or domain code; '' for the grain 'all'. */
    code: text('code').notNull(),
    domainCode: text('domain_code'),
    areaCode: text('area_code'),
    respondents: integer('respondents').notNull(),
    observations: integer('observations').notNull(),
    totalGap: integer('total_gap').notNull(),
    affected: integer('affected').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.grain, t.code, t.unitId, t.jobProfileCode] }),
    index('campaign_gap_cells_unit').on(t.campaignId, t.unitId),
    oneOf(t.grain, GAP_GRAINS),
  ],
);

/** What each unit's summary was computed from, to tell when it is out of date. */
export const campaignGapState = pgTable(
  'campaign_gap_state',
  {
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => territorialUnits.id),
    /** The unit's responses when computed. */
    responses: integer('responses').notNull(),
    /** The expected levels' signature (count and last change) when computed. */
    expectations: text('expectations').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.unitId] })],
);

/**
 * The expected levels a closed campaign is judged against, copied from profile_expectations when it
 * closes: later edits of the profiles (a unit's override set and reset, say) never change a closed
 * campaign's gaps, so they cannot be used to read one person's answers by difference.
 */
export const campaignExpectations = pgTable(
  'campaign_expectations',
  {
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    jobProfileCode: text('job_profile_code').notNull(),
    competencyCode: text('competency_code').notNull(),
    /** 0 = national level; otherwise the unit whose override this is. */
    unitId: integer('unit_id').notNull(),
    level: smallint('level').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.jobProfileCode, t.competencyCode, t.unitId] }),
    inRange(t.level, MIN_LEVEL, MAX_LEVEL),
  ],
);
