import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { PLAN_ITEM_ORIGINS, PLAN_STATUSES } from '../../../common/assessment.js';
import { DELIVERY_MODES } from '../../../common/catalogue.js';
import { inRange, oneOf } from '../checks.js';
import { campaigns } from './campaigns.js';
import { trainingPaths } from './catalogue.js';
import { users } from './identity.js';
import { territorialUnits } from './reference.js';

/**
 * A unit's training plan drawn from a campaign's gaps: proposed by the platform, edited and approved
 * by the unit's officer, exported as the training section of the PIAO. `version` grows with every
 * change, so two editors never overwrite each other unawares.
 */
export const trainingPlans = pgTable(
  'training_plans',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => territorialUnits.id),
    status: text('status', { enum: PLAN_STATUSES }).notNull().default('draft'),
    /** The year the plan is for (the PIAO's first year). */
    year: integer('year').notNull(),
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('training_plans_unit').on(t.campaignId, t.unitId), oneOf(t.status, PLAN_STATUSES)],
);

/** A line of a plan: a catalogue path (or a need with no path yet), for how many, how long, how, when. */
export const trainingPlanItems = pgTable(
  'training_plan_items',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => trainingPlans.id, { onDelete: 'cascade' }),
    /** Null for a need no path covers yet (the title says what is needed). */
    pathId: integer('path_id').references(() => trainingPaths.id, { onDelete: 'set null' }),
    titleIt: text('title_it').notNull(),
    titleEn: text('title_en').notNull(),
    /** The framework competency codes the line addresses. */
    competencyCodes: text('competency_codes').array().notNull().default(sql`'{}'::text[]`),
    participants: integer('participants').notNull(),
    hoursPerParticipant: numeric('hours_per_participant', {
      precision: 6,
      scale: 1,
      mode: 'number',
    }).notNull(),
    deliveryMode: text('delivery_mode', { enum: DELIVERY_MODES }).notNull(),
    /** A quarter, e.g. 2027-T1. */
    quarter: text('quarter').notNull(),
    origin: text('origin', { enum: PLAN_ITEM_ORIGINS }).notNull(),
    notes: text('notes').notNull().default(''),
    position: integer('position').notNull(),
  },
  (t) => [
    index('training_plan_items_plan').on(t.planId),
    index('training_plan_items_path').on(t.pathId),
    oneOf(t.deliveryMode, DELIVERY_MODES),
    oneOf(t.origin, PLAN_ITEM_ORIGINS),
    inRange(t.participants, 0, 1_000_000),
    check('training_plan_items_hours_per_participant_check', sql`${t.hoursPerParticipant} >= 0`),
    check('training_plan_items_quarter_check', sql`${t.quarter} ~ '^[0-9]{4}-T[1-4]$'`),
  ],
);
