import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { EditionStatus } from '../../../../common/catalogue.js';
import type { Db } from '../../../db/client.js';
import {
  attendance,
  certificates,
  editionSessions,
  editions,
  enrolments,
  feedbackReceipts,
  feedbackResponses,
  trainingPaths,
} from '../../../db/schema/index.js';
import type { Clock } from '../../../kernel/clock.js';

/** Editions a learner sees their sessions of: from publication on, cancelled ones included. */
const VISIBLE_EDITIONS: EditionStatus[] = ['published', 'closed', 'completed', 'cancelled'];

/**
 * The questionnaire opens when the edition is marked completed, or once its last scheduled session
 * has ended (by `now`); never for drafts or cancelled editions.
 */
const feedbackOpen = (now: Date) =>
  sql<boolean>`(${editions.status} = 'completed' or (${editions.status} in ('published', 'closed') and coalesce((select max(${editionSessions.endsAt}) from ${editionSessions} where ${editionSessions.editionId} = ${editions.id} and ${editionSessions.status} = 'scheduled') <= ${now.toISOString()}::timestamptz, false)))`;

const answered = sql<boolean>`exists (select 1 from ${feedbackReceipts} where ${feedbackReceipts.enrolmentId} = ${enrolments.id})`;

/** `clock` tells whether an edition's last session has ended, opening its questionnaire. */
export function createLearningRepository(clock: Clock) {
  return {
    /** Every ledger row of the person in held sessions, whatever the enrolment's status, with its edition. */
    async ledgerOf(db: Db, userId: string) {
      return (
        db
          .select({
            sessionStartsAt: editionSessions.startsAt,
            minutes: attendance.minutes,
            enrolmentId: enrolments.id,
            editionId: editions.id,
            pathTitle: trainingPaths.title,
            editionTitle: editions.title,
            completedOn: enrolments.completedOn,
            certificateCode: sql<
              string | null
            >`(select ${certificates.code} from ${certificates} where ${certificates.enrolmentId} = ${enrolments.id} and ${certificates.revokedAt} is null)`,
          })
          .from(attendance)
          .innerJoin(enrolments, eq(enrolments.id, attendance.enrolmentId))
          .innerJoin(editionSessions, eq(editionSessions.id, attendance.sessionId))
          .innerJoin(editions, eq(editions.id, enrolments.editionId))
          .innerJoin(trainingPaths, eq(trainingPaths.id, editions.pathId))
          // Cancelled sessions count for nothing, as in completion.
          .where(and(eq(enrolments.userId, userId), eq(editionSessions.status, 'scheduled')))
          .orderBy(asc(editionSessions.startsAt))
      );
    },

    /** Sessions in [from, to) of the person's confirmed enrolments. */
    async sessionsOf(db: Db, userId: string, from: Date, to: Date) {
      return db
        .select({
          session: editionSessions,
          enrolmentId: enrolments.id,
          edition: {
            id: editions.id,
            title: editions.title,
            status: editions.status,
            online: editions.online,
            venueName: editions.venueName,
            venueAddress: editions.venueAddress,
          },
          path: { title: trainingPaths.title, slug: trainingPaths.slug },
        })
        .from(editionSessions)
        .innerJoin(editions, eq(editions.id, editionSessions.editionId))
        .innerJoin(trainingPaths, eq(trainingPaths.id, editions.pathId))
        .innerJoin(
          enrolments,
          and(
            eq(enrolments.editionId, editions.id),
            eq(enrolments.userId, userId),
            eq(enrolments.status, 'confirmed'),
          ),
        )
        .where(
          and(
            inArray(editions.status, VISIBLE_EDITIONS),
            gte(editionSessions.startsAt, from),
            lt(editionSessions.startsAt, to),
          ),
        )
        .orderBy(asc(editionSessions.startsAt), asc(editionSessions.id));
    },

    async enrolmentForFeedback(db: Db, enrolmentId: number) {
      const [row] = await db
        .select({
          userId: enrolments.userId,
          status: enrolments.status,
          editionId: enrolments.editionId,
          open: feedbackOpen(clock.now()),
        })
        .from(enrolments)
        .innerJoin(editions, eq(editions.id, enrolments.editionId))
        .where(eq(enrolments.id, enrolmentId));
      return row;
    },

    /** The receipt that the person answered; undefined when there already is one. */
    async insertReceipt(db: Db, enrolmentId: number) {
      const [row] = await db
        .insert(feedbackReceipts)
        .values({ enrolmentId })
        .onConflictDoNothing({ target: feedbackReceipts.enrolmentId })
        .returning({ enrolmentId: feedbackReceipts.enrolmentId });
      return row;
    },

    /** The answers, with nothing that points back to the person or to the moment they were sent. */
    async insertResponse(
      db: Db,
      values: { editionId: number; answers: Record<string, number>; comment: string | null },
    ) {
      await db.insert(feedbackResponses).values(values);
    },

    /** Ordered by the random id: never the order of arrival, which the receipts' times would reveal. */
    async responsesOf(db: Db, editionId: number) {
      return db
        .select({ answers: feedbackResponses.answers, comment: feedbackResponses.comment })
        .from(feedbackResponses)
        .where(eq(feedbackResponses.editionId, editionId))
        .orderBy(asc(feedbackResponses.id));
    },

    async confirmedCount(db: Db, editionId: number) {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(enrolments)
        .where(and(eq(enrolments.editionId, editionId), eq(enrolments.status, 'confirmed')));
      return row?.n ?? 0;
    },

    /** The person's confirmed enrolments whose questionnaire is open and not answered yet. */
    async feedbackDue(db: Db, userId: string) {
      return db
        .select({
          enrolmentId: enrolments.id,
          editionId: editions.id,
          editionTitle: editions.title,
          pathTitle: trainingPaths.title,
          startsOn: editions.startsOn,
          endsOn: editions.endsOn,
        })
        .from(enrolments)
        .innerJoin(editions, eq(editions.id, enrolments.editionId))
        .innerJoin(trainingPaths, eq(trainingPaths.id, editions.pathId))
        .where(
          and(
            eq(enrolments.userId, userId),
            eq(enrolments.status, 'confirmed'),
            feedbackOpen(clock.now()),
            sql`not ${answered}`,
          ),
        )
        .orderBy(asc(editions.endsOn), asc(enrolments.id));
    },

    async edition(db: Db, editionId: number) {
      const [row] = await db
        .select({ id: editions.id, status: editions.status })
        .from(editions)
        .where(eq(editions.id, editionId));
      return row;
    },
  };
}

export type LearningRepository = ReturnType<typeof createLearningRepository>;
