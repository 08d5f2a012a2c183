import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { trainsEdition } from '../../../db/predicates.js';
import {
  editionSessions,
  editions,
  editionTrainers,
  enrolments,
  trainingPaths,
} from '../../../db/schema/index.js';

export type WebinarsRepository = ReturnType<typeof createWebinarsRepository>;
export type WebinarSession = NonNullable<Awaited<ReturnType<WebinarsRepository['session']>>>;

export function createWebinarsRepository() {
  return {
    /** A session with its edition's title, status and trainers. */
    async session(db: Db, sessionId: number) {
      const [row] = await db
        .select({
          session: editionSessions,
          edition: { id: editions.id, title: editions.title, status: editions.status },
          pathTitle: trainingPaths.title,
        })
        .from(editionSessions)
        .innerJoin(editions, eq(editions.id, editionSessions.editionId))
        .innerJoin(trainingPaths, eq(trainingPaths.id, editions.pathId))
        .where(eq(editionSessions.id, sessionId));
      if (!row) return undefined;
      const trainers = await db
        .select({ id: editionTrainers.userId })
        .from(editionTrainers)
        .where(eq(editionTrainers.editionId, row.edition.id));
      return { ...row, editionTrainerIds: trainers.map((t) => t.id) };
    },

    trains: trainsEdition,

    async isConfirmed(db: Db, editionId: number, userId: string) {
      const [row] = await db
        .select({ id: enrolments.id })
        .from(enrolments)
        .where(
          and(
            eq(enrolments.editionId, editionId),
            eq(enrolments.userId, userId),
            eq(enrolments.status, 'confirmed'),
          ),
        );
      return !!row;
    },
  };
}
