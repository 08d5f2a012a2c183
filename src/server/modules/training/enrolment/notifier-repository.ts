import { and, asc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { EnrolmentStatus } from '../../../../common/enrolment.js';
import type { Db } from '../../../db/client.js';
import {
  editionChanges,
  editionSessions,
  editions,
  enrolments,
  sessionReminders,
  trainingPaths,
  users,
} from '../../../db/schema/index.js';

/** The queries of the day-before reminders and the change notices. */
export function createNotifierRepository() {
  return {
    /** Scheduled sessions of running editions starting in [from, to) that have had no reminder. */
    async sessionsToRemind(db: Db, from: Date, to: Date) {
      return db
        .select({ session: editionSessions, edition: editions, pathTitle: trainingPaths.title })
        .from(editionSessions)
        .innerJoin(editions, eq(editions.id, editionSessions.editionId))
        .innerJoin(trainingPaths, eq(trainingPaths.id, editions.pathId))
        .where(
          and(
            eq(editionSessions.status, 'scheduled'),
            inArray(editions.status, ['published', 'closed']),
            gte(editionSessions.startsAt, from),
            lt(editionSessions.startsAt, to),
            sql`not exists (select 1 from ${sessionReminders} where ${sessionReminders.sessionId} = ${editionSessions.id})`,
          ),
        )
        .orderBy(asc(editionSessions.startsAt));
    },

    /** Claims a session's reminder; false when another process already has. */
    async claimReminder(db: Db, sessionId: number) {
      const rows = await db
        .insert(sessionReminders)
        .values({ sessionId })
        .onConflictDoNothing()
        .returning({ id: sessionReminders.sessionId });
      return rows.length > 0;
    },

    async peopleOf(db: Db, editionId: number, statuses: EnrolmentStatus[]) {
      return db
        .select({ name: users.name, email: users.email, locale: users.locale })
        .from(enrolments)
        .innerJoin(users, eq(users.id, enrolments.userId))
        .where(
          and(
            eq(enrolments.editionId, editionId),
            inArray(enrolments.status, statuses),
            eq(users.active, true),
          ),
        );
    },

    /** Unsent changes, locked so that a second process skips them. */
    async claimChanges(db: Db, limit: number) {
      return db
        .select({
          change: editionChanges,
          edition: editions,
          pathTitle: trainingPaths.title,
          session: editionSessions,
        })
        .from(editionChanges)
        .innerJoin(editions, eq(editions.id, editionChanges.editionId))
        .innerJoin(trainingPaths, eq(trainingPaths.id, editions.pathId))
        .leftJoin(editionSessions, eq(editionSessions.id, editionChanges.sessionId))
        .where(isNull(editionChanges.notifiedAt))
        .orderBy(asc(editionChanges.id))
        .limit(limit)
        .for('update', { of: editionChanges, skipLocked: true });
    },

    async markNotified(db: Db, ids: number[], at: Date) {
      if (ids.length)
        await db.update(editionChanges).set({ notifiedAt: at }).where(inArray(editionChanges.id, ids));
    },
  };
}

export type NotifierRepository = ReturnType<typeof createNotifierRepository>;
