import { and, asc, eq, inArray, isNotNull, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import {
  coachingLogs,
  editionSessions,
  editions,
  editionTrainers,
  enrolments,
  territorialUnits,
  trainingPaths,
  users,
} from '../../../db/schema/index.js';

export type CoachingLogRow = typeof coachingLogs.$inferSelect;

const coach = alias(users, 'coach');
const officer = alias(users, 'officer');
const learner = alias(users, 'learner');

const entryView = {
  entry: coachingLogs,
  sessionTitle: editionSessions.title,
  coachName: coach.name,
  officerName: officer.name,
};

export function createLogbookRepository() {
  return {
    /** An enrolment with the names a logbook shows. */
    async enrolment(db: Db, id: number) {
      const [row] = await db
        .select({
          enrolment: enrolments,
          learnerName: learner.name,
          edition: editions,
          pathTitle: trainingPaths.title,
        })
        .from(enrolments)
        .innerJoin(learner, eq(learner.id, enrolments.userId))
        .innerJoin(editions, eq(editions.id, enrolments.editionId))
        .innerJoin(trainingPaths, eq(trainingPaths.id, editions.pathId))
        .where(eq(enrolments.id, id));
      return row;
    },

    /** The edition's scheduled affiancamento sessions, in order. */
    async affiancamentoSessions(db: Db, editionId: number) {
      return db
        .select()
        .from(editionSessions)
        .where(
          and(
            eq(editionSessions.editionId, editionId),
            eq(editionSessions.mode, 'affiancamento'),
            eq(editionSessions.status, 'scheduled'),
          ),
        )
        .orderBy(asc(editionSessions.startsAt));
    },

    async entries(db: Db, enrolmentId: number) {
      return db
        .select(entryView)
        .from(coachingLogs)
        .innerJoin(editionSessions, eq(editionSessions.id, coachingLogs.sessionId))
        .leftJoin(coach, eq(coach.id, coachingLogs.coachId))
        .leftJoin(officer, eq(officer.id, coachingLogs.officerId))
        .where(eq(coachingLogs.enrolmentId, enrolmentId))
        .orderBy(asc(coachingLogs.day), asc(coachingLogs.id));
    },

    async entry(db: Db, id: number) {
      const [row] = await db
        .select(entryView)
        .from(coachingLogs)
        .innerJoin(editionSessions, eq(editionSessions.id, coachingLogs.sessionId))
        .leftJoin(coach, eq(coach.id, coachingLogs.coachId))
        .leftJoin(officer, eq(officer.id, coachingLogs.officerId))
        .where(eq(coachingLogs.id, id));
      return row;
    },

    /** Locks an entry: two signatures of the same entry are decided one after the other. */
    async lock(db: Db, id: number) {
      const [row] = await db.select().from(coachingLogs).where(eq(coachingLogs.id, id)).for('update');
      return row;
    },

    async insert(db: Db, values: typeof coachingLogs.$inferInsert) {
      const [row] = await db.insert(coachingLogs).values(values).returning();
      return row as CoachingLogRow;
    },

    async update(db: Db, id: number, values: Partial<typeof coachingLogs.$inferInsert>) {
      await db
        .update(coachingLogs)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(coachingLogs.id, id));
    },

    async remove(db: Db, id: number) {
      await db.delete(coachingLogs).where(eq(coachingLogs.id, id));
    },

    /** The entries of an enrolment for a session that both the coach and the officer signed. */
    async credited(db: Db, enrolmentId: number, sessionId: number) {
      return db
        .select({ id: coachingLogs.id, minutes: coachingLogs.minutes })
        .from(coachingLogs)
        .where(
          and(
            eq(coachingLogs.enrolmentId, enrolmentId),
            eq(coachingLogs.sessionId, sessionId),
            isNotNull(coachingLogs.coachSignedAt),
            isNotNull(coachingLogs.officerSignedAt),
          ),
        )
        .orderBy(asc(coachingLogs.id));
    },

    /**
     * Entries of confirmed enrolments still missing a signature the person may give: as coach (a trainer
     * of the edition or of the entry's session) or as officer (of the given units, or all of them).
     */
    async awaiting(db: Db, userId: string, officerUnits: number[] | 'all') {
      const isCoach = sql<boolean>`(${editionSessions.trainerId} = ${userId} or exists (select 1 from ${editionTrainers} where ${editionTrainers.editionId} = ${enrolments.editionId} and ${editionTrainers.userId} = ${userId}))`;
      const officerCond: SQL =
        officerUnits === 'all'
          ? isNull(coachingLogs.officerSignedAt)
          : officerUnits.length
            ? (and(isNull(coachingLogs.officerSignedAt), inArray(enrolments.unitId, officerUnits)) as SQL)
            : sql`false`;
      return db
        .select({
          ...entryView,
          isCoach,
          learnerId: learner.id,
          learnerName: learner.name,
          unitId: enrolments.unitId,
          unitName: territorialUnits.name,
          editionId: editions.id,
          editionTitle: editions.title,
        })
        .from(coachingLogs)
        .innerJoin(enrolments, eq(enrolments.id, coachingLogs.enrolmentId))
        .innerJoin(learner, eq(learner.id, enrolments.userId))
        .leftJoin(territorialUnits, eq(territorialUnits.id, enrolments.unitId))
        .innerJoin(editions, eq(editions.id, enrolments.editionId))
        .innerJoin(editionSessions, eq(editionSessions.id, coachingLogs.sessionId))
        .leftJoin(coach, eq(coach.id, coachingLogs.coachId))
        .leftJoin(officer, eq(officer.id, coachingLogs.officerId))
        .where(
          and(
            eq(enrolments.status, 'confirmed'),
            ne(enrolments.userId, userId),
            ne(editions.status, 'cancelled'),
            eq(editionSessions.status, 'scheduled'),
            or(and(isNull(coachingLogs.coachSignedAt), isCoach), officerCond),
          ),
        )
        .orderBy(asc(coachingLogs.day), asc(coachingLogs.id))
        .limit(500);
    },
  };
}

export type LogbookRepository = ReturnType<typeof createLogbookRepository>;
