import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  DELIVERY_MODES,
  EDITION_CHANGE_KINDS,
  EDITION_STATUSES,
  ELIGIBILITY,
  LEVELS,
  PATH_STATUSES,
  SESSION_STATUSES,
} from '../../../common/catalogue.js';
import { allOf, oneOf } from '../checks.js';
import { users } from './identity.js';
import { domains, serviceModels, territorialUnits } from './reference.js';

/** Convenzione: a Province's signed agreement to adopt a service model. */
export const agreements = pgTable(
  'agreements',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => territorialUnits.id),
    serviceModelCode: text('service_model_code')
      .notNull()
      .references(() => serviceModels.code),
    signedOn: date('signed_on').notNull(),
    actReference: text('act_reference').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agreements_unit').on(t.unitId), index('agreements_model').on(t.serviceModelCode)],
);

/** Percorso formativo: a course or programme in the catalogue. */
export const trainingPaths = pgTable(
  'training_paths',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    objectives: text('objectives').notNull().default(''),
    domainCode: text('domain_code')
      .notNull()
      .references(() => domains.code),
    serviceModelCode: text('service_model_code').references(() => serviceModels.code),
    level: text('level', { enum: LEVELS }).notNull(),
    competencies: text('competencies').array().notNull().default(sql`'{}'::text[]`),
    targetJobProfiles: text('target_job_profiles').array().notNull().default(sql`'{}'::text[]`),
    totalHours: numeric('total_hours', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    deliveryModes: text('delivery_modes', { enum: DELIVERY_MODES }).array().notNull(),
    /** all | agreement (units with a Convenzione for the service model) | units (the listed ones). */
    eligibility: text('eligibility', { enum: ELIGIBILITY }).notNull().default('all'),
    materials: jsonb('materials').$type<{ title: string; url: string }[]>().notNull().default([]),
    status: text('status', { enum: PATH_STATUSES }).notNull().default('draft'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('training_paths_slug').on(t.slug),
    index('training_paths_search').using(
      'gin',
      sql`to_tsvector('italian', ${t.title} || ' ' || ${t.summary} || ' ' || ${t.objectives})`,
    ),
    oneOf(t.level, LEVELS),
    allOf(t.deliveryModes, DELIVERY_MODES),
    oneOf(t.eligibility, ELIGIBILITY),
    oneOf(t.status, PATH_STATUSES),
  ],
);

export const pathModules = pgTable(
  'path_modules',
  {
    id: serial('id').primaryKey(),
    pathId: integer('path_id')
      .notNull()
      .references(() => trainingPaths.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    hours: numeric('hours', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    mode: text('mode', { enum: DELIVERY_MODES }).notNull(),
  },
  (t) => [index('path_modules_path').on(t.pathId), oneOf(t.mode, DELIVERY_MODES)],
);

/** The units a path is reserved to, when eligibility = 'units'. */
export const pathUnits = pgTable(
  'path_units',
  {
    pathId: integer('path_id')
      .notNull()
      .references(() => trainingPaths.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => territorialUnits.id),
  },
  (t) => [primaryKey({ columns: [t.pathId, t.unitId] })],
);

/** Edizione: one scheduled run of a path. */
export const editions = pgTable(
  'editions',
  {
    id: serial('id').primaryKey(),
    pathId: integer('path_id')
      .notNull()
      .references(() => trainingPaths.id),
    title: text('title').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    capacity: integer('capacity').notNull(),
    enrolmentOpensAt: timestamp('enrolment_opens_at', { withTimezone: true }).notNull(),
    enrolmentClosesAt: timestamp('enrolment_closes_at', { withTimezone: true }).notNull(),
    online: boolean('online').notNull().default(false),
    venueName: text('venue_name'),
    venueAddress: text('venue_address'),
    venueUnitId: integer('venue_unit_id').references(() => territorialUnits.id),
    status: text('status', { enum: EDITION_STATUSES }).notNull().default('draft'),
    cancelReason: text('cancel_reason'),
    /** Requests wait for the approval of the learner's Province officer before taking a seat. */
    approvalRequired: boolean('approval_required').notNull().default(false),
    /** Minimum share of the scheduled minutes a learner must attend to complete (percent). */
    minAttendancePct: integer('min_attendance_pct').notNull().default(75),
    /** Completion also needs a passed final test. */
    finalTestRequired: boolean('final_test_required').notNull().default(false),
    /** Learners may cancel until then; null = until the edition starts. */
    cancellationClosesAt: timestamp('cancellation_closes_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('editions_path').on(t.pathId),
    index('editions_dates').on(t.startsOn, t.endsOn),
    oneOf(t.status, EDITION_STATUSES),
  ],
);

export const editionTrainers = pgTable(
  'edition_trainers',
  {
    editionId: integer('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  // The personal feed and the trainer's pages look up a person's editions.
  (t) => [primaryKey({ columns: [t.editionId, t.userId] }), index('edition_trainers_user').on(t.userId)],
);

/** Sessione: one dated meeting of an edition. */
export const editionSessions = pgTable(
  'edition_sessions',
  {
    id: serial('id').primaryKey(),
    editionId: integer('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    mode: text('mode', { enum: DELIVERY_MODES }).notNull(),
    room: text('room'),
    /** Shown only to enrolled people, never on public pages or feeds. */
    onlineUrl: text('online_url'),
    trainerId: uuid('trainer_id').references(() => users.id),
    status: text('status', { enum: SESSION_STATUSES }).notNull().default('scheduled'),
    /** iCal SEQUENCE: increases whenever the session changes. */
    sequence: integer('sequence').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('edition_sessions_edition').on(t.editionId),
    index('edition_sessions_starts').on(t.startsAt),
    index('edition_sessions_trainer').on(t.trainerId),
    oneOf(t.mode, DELIVERY_MODES),
    oneOf(t.status, SESSION_STATUSES),
  ],
);

/**
 * What changed in an edition or its sessions after publication; the enrolment feature notifies
 * the people already enrolled from here (notifiedAt marks what has been sent).
 */
export const editionChanges = pgTable(
  'edition_changes',
  {
    id: serial('id').primaryKey(),
    editionId: integer('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    sessionId: integer('session_id'),
    kind: text('kind', { enum: EDITION_CHANGE_KINDS }).notNull(),
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
  },
  (t) => [
    index('edition_changes_pending').on(t.notifiedAt, t.editionId),
    oneOf(t.kind, EDITION_CHANGE_KINDS),
  ],
);

/**
 * A person's secret calendar feed. Like the secret addresses of common calendar services the token is
 * kept as is, so the person can copy the address again; it reveals only their own sessions, and
 * revoking or regenerating it makes the old address stop working.
 */
export const calendarFeeds = pgTable('calendar_feeds', {
  token: text('token').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
