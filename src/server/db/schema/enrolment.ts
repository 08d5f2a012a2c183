import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ATTENDANCE_SOURCES } from '../../../common/attendance.js';
import { ENROLMENT_NOTICE_MODES, ENROLMENT_STATUSES } from '../../../common/enrolment.js';
import { oneOf } from '../checks.js';
import { editionSessions, editions } from './catalogue.js';
import { users } from './identity.js';
import { territorialUnits } from './reference.js';

/** Order of arrival on a waitlist: taken while the edition row is locked, so it never ties. */
export const enrolmentQueue = pgSequence('enrolment_queue');

/**
 * When the person took their place in the queue: an approved request took its queue number when it was
 * decided, any other enrolment when it was requested (a rejected request never queued). The enrolment
 * lists are ordered by it, and two indexes hold it in that order, so the query and the indexes must use
 * this one expression.
 */
export const queuedAtOf = (t: { decidedAt: AnyPgColumn; status: AnyPgColumn; requestedAt: AnyPgColumn }) =>
  sql<Date>`(case when ${t.decidedAt} is not null and ${t.status} <> 'rejected' then ${t.decidedAt} else ${t.requestedAt} end)`;

/** Iscrizione: pending (approval) | confirmed | waitlisted | rejected | cancelled. */
export const enrolments = pgTable(
  'enrolments',
  {
    id: serial('id').primaryKey(),
    editionId: integer('edition_id')
      .notNull()
      .references(() => editions.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The person's unit when they enrolled: Province scoping and quotas use it. */
    unitId: integer('unit_id').references(() => territorialUnits.id),
    status: text('status', { enum: ENROLMENT_STATUSES }).notNull(),
    /** Waitlist order (lowest first); renewed each time the person joins the waitlist. */
    queueNo: bigint('queue_no', { mode: 'number' }).notNull().default(sql`nextval('enrolment_queue')`),
    nominatedBy: uuid('nominated_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    cancelledBy: uuid('cancelled_by').references(() => users.id),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    /** Set when the enrolment was moved to another edition: the new enrolment's id. */
    movedTo: integer('moved_to'),
    /** Sum of the ledger over the edition's scheduled sessions, kept with every attendance change. */
    minutesAttended: integer('minutes_attended').notNull().default(0),
    /** Null = no result yet. */
    finalTestPassed: boolean('final_test_passed'),
    /** Completed: the Rome date of the last attended session; null while not complete. */
    completedOn: date('completed_on'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enrolments_one_active')
      .on(t.editionId, t.userId)
      .where(sql`${t.status} in ('pending', 'confirmed', 'waitlisted')`),
    index('enrolments_edition_status').on(t.editionId, t.status, t.queueNo),
    index('enrolments_user').on(t.userId),
    index('enrolments_unit').on(t.unitId, t.status),
    // The lists, newest in the queue first: a Province's (officers) and everyone's (national staff).
    index('enrolments_unit_queued').on(t.unitId, queuedAtOf(t), t.id),
    index('enrolments_queued').on(queuedAtOf(t), t.id),
    oneOf(t.status, ENROLMENT_STATUSES),
  ],
);

/** Seats of an edition reserved for the staff of one unit. */
export const editionQuotas = pgTable(
  'edition_quotas',
  {
    editionId: integer('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => territorialUnits.id),
    seats: integer('seats').notNull(),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.unitId] })],
);

/**
 * Presenza: the one attendance ledger. One row per person per session, in minutes, whatever the
 * delivery mode; `source` says how it was recorded and `detail` keeps what the source knew
 * (register late/early minutes, check-in time, merged webinar intervals, online completion).
 */
export const attendance = pgTable(
  'attendance',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => editionSessions.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    enrolmentId: integer('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    minutes: integer('minutes').notNull(),
    /** register | qr | webinar | online | logbook */
    source: text('source', { enum: ATTENDANCE_SOURCES }).notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.userId] }),
    index('attendance_enrolment').on(t.enrolmentId),
    oneOf(t.source, ATTENDANCE_SOURCES),
  ],
);

/** The code behind a session's check-in QR; it works only inside the session's window. */
export const sessionCheckins = pgTable('session_checkins', {
  sessionId: integer('session_id')
    .primaryKey()
    .references(() => editionSessions.id),
  token: text('token').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Affiancamento logbook: entered by the learner, signed off by the coach and the Province officer. */
export const coachingLogs = pgTable(
  'coaching_logs',
  {
    id: serial('id').primaryKey(),
    enrolmentId: integer('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    /** The affiancamento session the entry is credited to. */
    sessionId: integer('session_id')
      .notNull()
      .references(() => editionSessions.id),
    day: date('day').notNull(),
    minutes: integer('minutes').notNull(),
    activities: text('activities').notNull(),
    coachId: uuid('coach_id').references(() => users.id),
    coachSignedAt: timestamp('coach_signed_at', { withTimezone: true }),
    officerId: uuid('officer_id').references(() => users.id),
    officerSignedAt: timestamp('officer_signed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('coaching_logs_enrolment').on(t.enrolmentId)],
);

/** Attestato: a snapshot of what it certifies, so verification never changes under it. */
export const certificates = pgTable(
  'certificates',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    enrolmentId: integer('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    editionId: integer('edition_id')
      .notNull()
      .references(() => editions.id),
    holderName: text('holder_name').notNull(),
    pathTitle: text('path_title').notNull(),
    editionTitle: text('edition_title').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    completedOn: date('completed_on').notNull(),
    minutesAttended: integer('minutes_attended').notNull(),
    issuer: text('issuer').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    revokeReason: text('revoke_reason'),
    /** The certificate this one replaces after a correction. */
    replacesId: integer('replaces_id'),
  },
  (t) => [
    uniqueIndex('certificates_one_valid').on(t.enrolmentId).where(sql`${t.revokedAt} is null`),
    index('certificates_user').on(t.userId),
    index('certificates_edition').on(t.editionId),
  ],
);

/**
 * Gradimento. The receipt (who answered) and the answers are kept apart, with no shared key or
 * time, so the answers stay anonymous while nobody answers twice.
 */
export const feedbackReceipts = pgTable('feedback_receipts', {
  enrolmentId: integer('enrolment_id')
    .primaryKey()
    .references(() => enrolments.id),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
});

export const feedbackResponses = pgTable(
  'feedback_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: integer('edition_id')
      .notNull()
      .references(() => editions.id),
    answers: jsonb('answers').$type<Record<string, number>>().notNull(),
    comment: text('comment'),
  },
  (t) => [index('feedback_responses_edition').on(t.editionId)],
);

/** Day-before reminders sent, one per session (claimed atomically, so several processes send one). */
export const sessionReminders = pgTable('session_reminders', {
  sessionId: integer('session_id')
    .primaryKey()
    .references(() => editionSessions.id),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * How a Province officer is told of their staff's requests awaiting approval and cancellations; no
 * row is one e-mail each. `changedAt` is when the choice was made: a daily summary lists no
 * cancellation already told one by one.
 */
export const officerNoticePreferences = pgTable(
  'officer_notice_preferences',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    mode: text('mode', { enum: ENROLMENT_NOTICE_MODES }).notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [oneOf(t.mode, ENROLMENT_NOTICE_MODES)],
);

/**
 * Daily summaries sent to Province officers who chose them, one per officer and Rome day (claimed
 * atomically, so several processes or a restart send one). `sentAt` also bounds the next summary's
 * list of cancellations.
 */
export const officerDigests = pgTable(
  'officer_digests',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);
