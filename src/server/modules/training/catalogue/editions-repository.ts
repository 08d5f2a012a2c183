import { and, asc, count, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { trainedBy } from '../../../db/predicates.js';
import {
  editionChanges,
  editionSessions,
  editions,
  editionTrainers,
  roleGrants,
  territorialUnits,
  trainingPaths,
  users,
} from '../../../db/schema/index.js';
import { seatsLeftOf } from '../../../db/sql.js';

export type EditionRow = typeof editions.$inferSelect;
export type SessionRow = typeof editionSessions.$inferSelect;

export function createEditionsRepository() {
  return {
    async list(
      db: Db,
      f: {
        pathId?: number | undefined;
        status?: EditionRow['status'] | undefined;
        from?: string | undefined;
        to?: string | undefined;
        /** Only the editions this person trains. */
        trainerId?: string | undefined;
      },
      page: number,
      pageSize: number,
    ) {
      const where: SQL[] = [];
      if (f.trainerId !== undefined) where.push(trainedBy(editions.id, f.trainerId));
      if (f.pathId !== undefined) where.push(eq(editions.pathId, f.pathId));
      if (f.status) where.push(eq(editions.status, f.status));
      if (f.from) where.push(gte(editions.endsOn, f.from));
      if (f.to) where.push(lte(editions.startsOn, f.to));
      const cond = where.length ? and(...where) : undefined;
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(editions)
          .where(cond)
          .orderBy(desc(editions.startsOn), asc(editions.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(editions).where(cond),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    async findById(db: Db, id: number) {
      const [row] = await db.select().from(editions).where(eq(editions.id, id));
      return row;
    },

    /**
     * Sessions, trainers, path and venue names of several editions at once. One query after the
     * other: inside a transaction they share one pg client, which must not run queries concurrently.
     */
    async details(db: Db, ids: number[]) {
      if (!ids.length) return { sessions: [], trainers: [], paths: [], venues: [] };
      const sessions = await db
        .select({ session: editionSessions, trainerName: users.name })
        .from(editionSessions)
        .leftJoin(users, eq(users.id, editionSessions.trainerId))
        .where(inArray(editionSessions.editionId, ids))
        .orderBy(asc(editionSessions.startsAt), asc(editionSessions.id));
      const trainers = await db
        .select({ editionId: editionTrainers.editionId, id: users.id, name: users.name })
        .from(editionTrainers)
        .innerJoin(users, eq(users.id, editionTrainers.userId))
        .where(inArray(editionTrainers.editionId, ids))
        .orderBy(asc(users.name));
      const paths = await db
        .select({
          editionId: editions.id,
          title: trainingPaths.title,
          slug: trainingPaths.slug,
          seatsLeft: seatsLeftOf(),
        })
        .from(editions)
        .innerJoin(trainingPaths, eq(trainingPaths.id, editions.pathId))
        .where(inArray(editions.id, ids));
      const venues = await db
        .select({ editionId: editions.id, name: territorialUnits.name })
        .from(editions)
        .innerJoin(territorialUnits, eq(territorialUnits.id, editions.venueUnitId))
        .where(inArray(editions.id, ids));
      return { sessions, trainers, paths, venues };
    },

    async insert(db: Db, values: typeof editions.$inferInsert) {
      const [row] = await db.insert(editions).values(values).returning();
      return row as EditionRow;
    },

    async update(db: Db, id: number, values: Partial<typeof editions.$inferInsert>) {
      const [row] = await db
        .update(editions)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(editions.id, id))
        .returning();
      return row;
    },

    /** Moves the status only if nobody moved it meanwhile; undefined means it changed under us. */
    async transition(
      db: Db,
      id: number,
      from: EditionRow['status'],
      values: Partial<typeof editions.$inferInsert>,
    ) {
      const [row] = await db
        .update(editions)
        .set({ ...values, updatedAt: new Date() })
        .where(and(eq(editions.id, id), eq(editions.status, from)))
        .returning();
      return row;
    },

    async setTrainers(db: Db, editionId: number, userIds: string[]) {
      await db.delete(editionTrainers).where(eq(editionTrainers.editionId, editionId));
      if (userIds.length)
        await db
          .insert(editionTrainers)
          .values([...new Set(userIds)].map((userId) => ({ editionId, userId })));
    },

    /** Of the given users, the active ones holding the trainer role. */
    async trainerIds(db: Db, ids: string[]) {
      if (!ids.length) return [];
      const rows = await db
        .selectDistinct({ id: users.id })
        .from(users)
        .innerJoin(roleGrants, and(eq(roleGrants.userId, users.id), eq(roleGrants.role, 'trainer')))
        .where(and(inArray(users.id, ids), eq(users.active, true)));
      return rows.map((r) => r.id);
    },

    async findSession(db: Db, editionId: number, sessionId: number) {
      const [row] = await db
        .select()
        .from(editionSessions)
        .where(and(eq(editionSessions.id, sessionId), eq(editionSessions.editionId, editionId)));
      return row;
    },

    async insertSession(db: Db, values: typeof editionSessions.$inferInsert) {
      const [row] = await db.insert(editionSessions).values(values).returning();
      return row as SessionRow;
    },

    async updateSession(db: Db, id: number, values: Partial<typeof editionSessions.$inferInsert>) {
      const [row] = await db
        .update(editionSessions)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(editionSessions.id, id))
        .returning();
      return row as SessionRow;
    },

    async sessionsOf(db: Db, editionId: number) {
      return db.select().from(editionSessions).where(eq(editionSessions.editionId, editionId));
    },

    async recordChange(db: Db, change: typeof editionChanges.$inferInsert) {
      await db.insert(editionChanges).values(change);
    },

    async changesOf(db: Db, editionId: number) {
      return db
        .select()
        .from(editionChanges)
        .where(eq(editionChanges.editionId, editionId))
        .orderBy(asc(editionChanges.id));
    },
  };
}

export type EditionsRepository = ReturnType<typeof createEditionsRepository>;
