import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { trainsEdition } from '../../../db/predicates.js';
import {
  attendance,
  editionSessions,
  editions,
  editionTrainers,
  enrolments,
  sessionCheckins,
  territorialUnits,
  trainingPaths,
  users,
} from '../../../db/schema/index.js';

export type AttendanceDbRow = typeof attendance.$inferSelect;
export type SessionRow = typeof editionSessions.$inferSelect;
export type EditionRow = typeof editions.$inferSelect;
export type EnrolmentRow = typeof enrolments.$inferSelect;

/** A session with what deciding about it needs: its edition, path and trainers. */
export type SessionContext = {
  session: SessionRow;
  edition: EditionRow;
  pathTitle: string;
  trainerName: string | null;
  /** The edition's trainers (edition_trainers). */
  editionTrainers: { id: string; name: string }[];
};

async function trainersOf(db: Db, editionId: number) {
  return db
    .select({ id: users.id, name: users.name })
    .from(editionTrainers)
    .innerJoin(users, eq(users.id, editionTrainers.userId))
    .where(eq(editionTrainers.editionId, editionId))
    .orderBy(asc(users.name));
}

export function createAttendanceRepository() {
  return {
    async sessionContext(db: Db, sessionId: number): Promise<SessionContext | undefined> {
      const [row] = await db
        .select({
          session: editionSessions,
          edition: editions,
          pathTitle: trainingPaths.title,
          trainerName: users.name,
        })
        .from(editionSessions)
        .innerJoin(editions, eq(editions.id, editionSessions.editionId))
        .innerJoin(trainingPaths, eq(trainingPaths.id, editions.pathId))
        .leftJoin(users, eq(users.id, editionSessions.trainerId))
        .where(eq(editionSessions.id, sessionId));
      if (!row) return undefined;
      return { ...row, editionTrainers: await trainersOf(db, row.edition.id) };
    },

    /** Sessions in [from, to) of the editions a person trains, or where they train the session. */
    async taughtSessions(db: Db, userId: string, from: Date, to: Date) {
      return db
        .select({
          session: editionSessions,
          edition: editions,
          pathTitle: trainingPaths.title,
          enrolled: sql<number>`(select count(*) from ${enrolments} where ${enrolments.editionId} = ${editions.id} and ${enrolments.status} = 'confirmed')::int`,
          recorded: sql<number>`(select count(*) from ${attendance} where ${attendance.sessionId} = ${editionSessions.id})::int`,
        })
        .from(editionSessions)
        .innerJoin(editions, eq(editions.id, editionSessions.editionId))
        .innerJoin(trainingPaths, eq(trainingPaths.id, editions.pathId))
        .where(
          and(
            inArray(editions.status, ['published', 'closed', 'completed']),
            sql`${editionSessions.startsAt} >= ${from} and ${editionSessions.startsAt} < ${to}`,
            sql`(${editionSessions.trainerId} = ${userId} or exists (select 1 from ${editionTrainers} where ${editionTrainers.editionId} = ${editions.id} and ${editionTrainers.userId} = ${userId}))`,
          ),
        )
        .orderBy(asc(editionSessions.startsAt), asc(editionSessions.id));
    },

    async findEdition(db: Db, id: number) {
      const [row] = await db
        .select({ edition: editions, pathTitle: trainingPaths.title })
        .from(editions)
        .innerJoin(trainingPaths, eq(trainingPaths.id, editions.pathId))
        .where(eq(editions.id, id));
      return row;
    },

    /** Whether the person trains the edition: named among its trainers or on one of its sessions. */
    trains: trainsEdition,

    async sessionsOf(db: Db, editionId: number) {
      return db
        .select()
        .from(editionSessions)
        .where(eq(editionSessions.editionId, editionId))
        .orderBy(asc(editionSessions.startsAt), asc(editionSessions.id));
    },

    /**
     * The person's confirmed enrolment in the edition; with `lock`, locked, so that the ledger changes
     * of one person queue here.
     */
    async findConfirmed(db: Db, editionId: number, userId: string, lock = false) {
      const q = db
        .select()
        .from(enrolments)
        .where(
          and(
            eq(enrolments.editionId, editionId),
            eq(enrolments.userId, userId),
            eq(enrolments.status, 'confirmed'),
          ),
        );
      const [row] = lock ? await q.for('update') : await q;
      return row;
    },

    async findEnrolment(db: Db, id: number, lock = false) {
      const q = db.select().from(enrolments).where(eq(enrolments.id, id));
      const [row] = lock ? await q.for('update') : await q;
      return row;
    },

    async enrolmentIdsOf(db: Db, editionId: number) {
      const rows = await db
        .select({ id: enrolments.id })
        .from(enrolments)
        .where(and(eq(enrolments.editionId, editionId), eq(enrolments.status, 'confirmed')))
        .orderBy(asc(enrolments.id));
      return rows.map((r) => r.id);
    },

    async setCompletion(db: Db, id: number, values: { minutesAttended: number; completedOn: string | null }) {
      await db
        .update(enrolments)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(enrolments.id, id));
    },

    async setFinalTest(db: Db, id: number, passed: boolean) {
      await db
        .update(enrolments)
        .set({ finalTestPassed: passed, updatedAt: new Date() })
        .where(eq(enrolments.id, id));
    },

    /** Confirmed enrollees of an edition, by name; only those of the given units when unitIds is set. */
    async confirmedPeople(db: Db, editionId: number, unitIds?: number[]) {
      const where = [eq(enrolments.editionId, editionId), eq(enrolments.status, 'confirmed')];
      if (unitIds) where.push(unitIds.length ? inArray(enrolments.unitId, unitIds) : sql`false`);
      return db
        .select({
          enrolmentId: enrolments.id,
          userId: users.id,
          name: users.name,
          unitId: enrolments.unitId,
          unitName: territorialUnits.name,
          finalTestPassed: enrolments.finalTestPassed,
        })
        .from(enrolments)
        .innerJoin(users, eq(users.id, enrolments.userId))
        .leftJoin(territorialUnits, eq(territorialUnits.id, enrolments.unitId))
        .where(and(...where))
        .orderBy(asc(users.name), asc(users.id));
    },

    async findRow(db: Db, sessionId: number, userId: string) {
      const [row] = await db
        .select()
        .from(attendance)
        .where(and(eq(attendance.sessionId, sessionId), eq(attendance.userId, userId)));
      return row;
    },

    async insertRow(db: Db, values: typeof attendance.$inferInsert) {
      const [row] = await db.insert(attendance).values(values).returning();
      return row as AttendanceDbRow;
    },

    async updateRow(
      db: Db,
      sessionId: number,
      userId: string,
      values: Partial<typeof attendance.$inferInsert>,
    ) {
      const [row] = await db
        .update(attendance)
        .set({ ...values, recordedAt: new Date() })
        .where(and(eq(attendance.sessionId, sessionId), eq(attendance.userId, userId)))
        .returning();
      return row as AttendanceDbRow;
    },

    /** Ledger rows of some sessions, optionally of one person only. */
    async rowsOf(db: Db, sessionIds: number[], userId?: string) {
      if (!sessionIds.length) return [];
      const where = [inArray(attendance.sessionId, sessionIds)];
      if (userId) where.push(eq(attendance.userId, userId));
      return db
        .select()
        .from(attendance)
        .where(and(...where));
    },

    /** Active accounts by e-mail, case-insensitively; keyed by the lower-case address. */
    async usersByEmail(db: Db, emails: string[]) {
      if (!emails.length) return new Map<string, { id: string; name: string }>();
      const rows = await db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(
          inArray(
            sql`lower(${users.email})`,
            emails.map((e) => e.toLowerCase()),
          ),
        );
      return new Map(rows.map((r) => [r.email.toLowerCase(), { id: r.id, name: r.name }]));
    },

    async userName(db: Db, id: string) {
      const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, id));
      return row?.name ?? null;
    },

    async findCheckin(db: Db, sessionId: number) {
      const [row] = await db.select().from(sessionCheckins).where(eq(sessionCheckins.sessionId, sessionId));
      return row;
    },

    /** Creates the session's check-in code unless another request just did; either way returns the one kept. */
    async ensureCheckin(db: Db, sessionId: number, token: string) {
      const [created] = await db
        .insert(sessionCheckins)
        .values({ sessionId, token })
        .onConflictDoNothing({ target: sessionCheckins.sessionId })
        .returning();
      if (created) return { row: created, created: true };
      const [kept] = await db.select().from(sessionCheckins).where(eq(sessionCheckins.sessionId, sessionId));
      return { row: kept as typeof sessionCheckins.$inferSelect, created: false };
    },

    async findCheckinByToken(db: Db, token: string) {
      const [row] = await db.select().from(sessionCheckins).where(eq(sessionCheckins.token, token));
      return row;
    },
  };
}

export type AttendanceRepository = ReturnType<typeof createAttendanceRepository>;
