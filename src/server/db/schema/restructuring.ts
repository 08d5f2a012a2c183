import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  DEADLINE_KINDS,
  INTERVENTION_KINDS,
  ISSUE_KINDS,
  ISSUE_SEVERITIES,
  ISSUE_STATES,
  PLAN_DOCUMENT_KINDS,
  type PlanContent,
  PROGRAMMING_KINDS,
  REORG_STATUSES,
  VERSION_STATES,
} from '../../../common/restructuring.js';
import { UNIT_TYPES } from '../../../common/units.js';
import { inRange, oneOf } from '../checks.js';
import { users } from './identity.js';
import { territorialUnits } from './reference.js';

/** Money: integer cents in a bigint, read as a JS number (exact up to 2^53 cents). */
const money = (name: string) => bigint(name, { mode: 'number' });

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

const created = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
};

// ── Unit profile ────────────────────────────────────────────────────────────────────────────────

/** Resident population of a unit at 1 January of `year`, with where the figure comes from. */
export const unitPopulations = pgTable(
  'unit_populations',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => territorialUnits.id),
    year: integer('year').notNull(),
    population: integer('population').notNull(),
    source: text('source').notNull(),
    enteredBy: uuid('entered_by').references(() => users.id),
    ...created,
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('unit_populations_unit_year').on(t.unitId, t.year),
    inRange(t.year, 1900, 2999),
    inRange(t.population, 0, 100_000_000),
  ],
);

/** What the task force keeps about a unit beyond its ISTAT identity: contacts and staff size. */
export const unitProfiles = pgTable('unit_profiles', {
  unitId: integer('unit_id')
    .primaryKey()
    .references(() => territorialUnits.id),
  /** Staff in service, with its reference year: 50 or fewer allows the simplified PIAO. */
  staffCount: integer('staff_count'),
  staffCountYear: integer('staff_count_year'),
  pec: text('pec'),
  phone: text('phone'),
  website: text('website'),
  address: text('address'),
  notes: text('notes').notNull().default(''),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** People to contact at a unit who may have no account (the Segretario generale, the President's office…). */
export const unitContacts = pgTable(
  'unit_contacts',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => territorialUnits.id),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    email: text('email'),
    phone: text('phone'),
    ...created,
  },
  (t) => [index('unit_contacts_unit').on(t.unitId)],
);

// ── Restructuring plan ──────────────────────────────────────────────────────────────────────────

/** A unit's Piano di riassetto organizzativo: one per unit, its workflow state and current version. */
export const reorgPlans = pgTable(
  'reorg_plans',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => territorialUnits.id),
    status: text('status', { enum: REORG_STATUSES }).notNull().default('non_avviato'),
    /** The number of the latest validated version (0 before any). */
    currentVersion: integer('current_version').notNull().default(0),
    /** Grows with every change to the plan row, so two people never overwrite each other unawares. */
    revision: integer('revision').notNull().default(1),
    ...created,
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reorg_plans_unit').on(t.unitId), oneOf(t.status, REORG_STATUSES)],
);

/**
 * Every version of a plan's content, never changed once decided: proposed (by an officer or the task
 * force), then validated (it becomes current) or rejected. `basedOn` is the version it changed.
 */
export const reorgPlanVersions = pgTable(
  'reorg_plan_versions',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => reorgPlans.id),
    number: integer('number').notNull(),
    basedOn: integer('based_on').notNull().default(0),
    state: text('state', { enum: VERSION_STATES }).notNull(),
    content: jsonb('content').$type<PlanContent>().notNull(),
    summary: text('summary').notNull().default(''),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note').notNull().default(''),
  },
  (t) => [
    uniqueIndex('reorg_plan_versions_plan_number').on(t.planId, t.number),
    // At most one proposal awaits the task force at a time.
    uniqueIndex('reorg_plan_versions_one_pending').on(t.planId).where(sql`${t.state} = 'proposta'`),
    oneOf(t.state, VERSION_STATES),
  ],
);

/** The plan's history: status changes, proposals, decisions and documents, with who and when. */
export const reorgPlanEvents = pgTable(
  'reorg_plan_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => reorgPlans.id),
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    version: integer('version'),
    note: text('note').notNull().default(''),
    actorId: uuid('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reorg_plan_events_plan').on(t.planId, t.at), index('reorg_plan_events_at').on(t.at)],
);

/** Documents of a plan (the adoption act, the plan itself, annexes), checked by type and size. */
export const reorgPlanDocuments = pgTable(
  'reorg_plan_documents',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => reorgPlans.id),
    kind: text('kind', { enum: PLAN_DOCUMENT_KINDS }).notNull(),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    /** Removed documents stay, hidden, so the history keeps what was seen. */
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [index('reorg_plan_documents_plan').on(t.planId), oneOf(t.kind, PLAN_DOCUMENT_KINDS)],
);

// ── Hiring capacity ─────────────────────────────────────────────────────────────────────────────

/** DM 11 gennaio 2022 thresholds per unit type and population band, as reference data with a source. */
export const capacityThresholds = pgTable(
  'capacity_thresholds',
  {
    id: serial('id').primaryKey(),
    unitType: text('unit_type', { enum: UNIT_TYPES }).notNull(),
    minPopulation: integer('min_population').notNull(),
    maxPopulation: integer('max_population'),
    /** Hundredths of a percent: 2080 = 20.80%. */
    thresholdBp: integer('threshold_bp').notNull(),
    validFromYear: integer('valid_from_year').notNull(),
    validToYear: integer('valid_to_year'),
    source: text('source').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [oneOf(t.unitType, UNIT_TYPES), inRange(t.thresholdBp, 0, 10_000)],
);

/** A unit's figures for one year: spending, revenue of the last three rendiconti, FCDE, hires. */
export const hiringCapacity = pgTable(
  'hiring_capacity',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => territorialUnits.id),
    year: integer('year').notNull(),
    personnelSpendingCents: money('personnel_spending_cents'),
    revenue1Cents: money('revenue_1_cents'),
    revenue2Cents: money('revenue_2_cents'),
    revenue3Cents: money('revenue_3_cents'),
    /** The year of the latest of the three rendiconti. */
    rendicontoYear: integer('rendiconto_year'),
    fcdeCents: money('fcde_cents'),
    plannedHires: integer('planned_hires'),
    actualHires: integer('actual_hires'),
    plannedHiresCostCents: money('planned_hires_cost_cents'),
    source: text('source').notNull().default(''),
    revision: integer('revision').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('hiring_capacity_unit_year').on(t.unitId, t.year), inRange(t.year, 2000, 2999)],
);

// ── Programming documents ───────────────────────────────────────────────────────────────────────

/** When each kind of document is due, as reference data with its source (see common/deadlines.ts). */
export const deadlineRules = pgTable(
  'deadline_rules',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: DEADLINE_KINDS }).notNull(),
    month: integer('month').notNull(),
    day: integer('day').notNull(),
    yearOffset: integer('year_offset').notNull().default(0),
    afterBudgetDays: integer('after_budget_days'),
    validFromYear: integer('valid_from_year').notNull(),
    validToYear: integer('valid_to_year'),
    source: text('source').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [oneOf(t.kind, DEADLINE_KINDS), inRange(t.month, 1, 12), inRange(t.day, 1, 31)],
);

/** A deadline a law or decree moved for one kind and year (the budget's most often). */
export const deadlineMoves = pgTable(
  'deadline_moves',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: DEADLINE_KINDS }).notNull(),
    year: integer('year').notNull(),
    due: date('due').notNull(),
    source: text('source').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('deadline_moves_kind_year').on(t.kind, t.year), oneOf(t.kind, DEADLINE_KINDS)],
);

/** A unit's programming document for a year (the first year of the period it programmes). */
export const programmingDocuments = pgTable(
  'programming_documents',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => territorialUnits.id),
    year: integer('year').notNull(),
    kind: text('kind', { enum: PROGRAMMING_KINDS }).notNull(),
    /** The day it was presented or adopted; null while still due. */
    adoptedOn: date('adopted_on'),
    actType: text('act_type'),
    actNumber: text('act_number'),
    actDate: date('act_date'),
    url: text('url'),
    simplified: boolean('simplified').notNull().default(false),
    /** Personnel money per year of the period, in cents (DUP SeO part 2, PTFP). */
    personnelMoney: jsonb('personnel_money').$type<{ year: number; cents: number }[]>().notNull().default([]),
    notes: text('notes').notNull().default(''),
    revision: integer('revision').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('programming_documents_unit_year_kind').on(t.unitId, t.year, t.kind),
    oneOf(t.kind, PROGRAMMING_KINDS),
    inRange(t.year, 2000, 2999),
  ],
);

/** Reminders already queued, so each (document, stage) is written to the outbox once. */
export const programmingReminders = pgTable(
  'programming_reminders',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => territorialUnits.id),
    year: integer('year').notNull(),
    kind: text('kind', { enum: PROGRAMMING_KINDS }).notNull(),
    /** Days before the deadline (30, 7) or −1 once overdue. */
    stage: integer('stage').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year, t.kind, t.stage] })],
);

// ── Task force work ─────────────────────────────────────────────────────────────────────────────

/** Which task force members follow which unit; one of them is its lead. */
export const taskforceAssignments = pgTable(
  'taskforce_assignments',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => territorialUnits.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    lead: boolean('lead').notNull().default(false),
    assignedBy: uuid('assigned_by').references(() => users.id),
    ...created,
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.userId] }),
    index('taskforce_assignments_user').on(t.userId),
    uniqueIndex('taskforce_assignments_one_lead').on(t.unitId).where(sql`${t.lead}`),
  ],
);

/** The interventions log: meetings, document reviews, training, remote support. */
export const interventions = pgTable(
  'interventions',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => territorialUnits.id),
    kind: text('kind', { enum: INTERVENTION_KINDS }).notNull(),
    heldOn: date('held_on').notNull(),
    participants: text('participants').notNull().default(''),
    outcome: text('outcome').notNull().default(''),
    nextSteps: text('next_steps').notNull().default(''),
    followUpOn: date('follow_up_on'),
    followUpDone: boolean('follow_up_done').notNull().default(false),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    ...created,
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('interventions_unit').on(t.unitId, t.heldOn),
    index('interventions_follow_up').on(t.followUpOn),
    oneOf(t.kind, INTERVENTION_KINDS),
  ],
);

/** Risks and open issues of a unit's restructuring. */
export const taskforceIssues = pgTable(
  'taskforce_issues',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => territorialUnits.id),
    kind: text('kind', { enum: ISSUE_KINDS }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    severity: text('severity', { enum: ISSUE_SEVERITIES }).notNull(),
    state: text('state', { enum: ISSUE_STATES }).notNull().default('aperta'),
    ownerId: uuid('owner_id').references(() => users.id),
    dueOn: date('due_on'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    ...created,
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('taskforce_issues_unit').on(t.unitId, t.state),
    oneOf(t.kind, ISSUE_KINDS),
    oneOf(t.severity, ISSUE_SEVERITIES),
    oneOf(t.state, ISSUE_STATES),
  ],
);

/** Milestones agreed with a unit. */
export const milestones = pgTable(
  'milestones',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => territorialUnits.id),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    doneOn: date('done_on'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    ...created,
  },
  (t) => [index('milestones_unit').on(t.unitId, t.dueOn), index('milestones_due').on(t.dueOn)],
);
