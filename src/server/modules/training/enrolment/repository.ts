import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import { trainedBy } from '../../../db/predicates.js';
import {
  editionQuotas,
  editions,
  enrolments,
  queuedAtOf,
  territorialUnits,
  trainingPaths,
  users,
} from '../../../db/schema/index.js';
import { escapeLike } from '../../../db/sql.js';
import type { SeatState } from './seats.js';

export type EnrolmentRow = typeof enrolments.$inferSelect;
export type EditionRow = typeof editions.$inferSelect;

/** Whose enrolments a list may show. */
export type EnrolmentScope = { all: true } | { all: false; unitIds: number[]; trainerId: string | null };

const nominator = alias(users, 'nominator');

/** When the person took their place in the queue (see `queuedAtOf`). */
const queuedAt = queuedAtOf(enrolments).mapWith(enrolments.requestedAt);

const view = {
  enrolment: enrolments,
  userName: users.name,
  userEmail: users.email,
  unitName: territorialUnits.name,
  editionTitle: editions.title,
  editionStatus: editions.status,
  startsOn: editions.startsOn,
  endsOn: editions.endsOn,
  cancellationClosesAt: editions.cancellationClosesAt,
  pathTitle: trainingPaths.title,
  pathSlug: trainingPaths.slug,
  nominatedByName: nominator.name,
  queuedAt,
  waitlistPosition: sql<
    number | null
  >`case when ${enrolments.status} = 'waitlisted' then (select count(*) from enrolments w where w.edition_id = ${enrolments.editionId} and w.status = 'waitlisted' and w.queue_no <= ${enrolments.queueNo})::int end`,
};

export type EnrolmentView = Awaited<
  ReturnType<ReturnType<typeof createEnrolmentRepository>['views']>
>[number];

function scoped(scope: EnrolmentScope): SQL | undefined {
  if (scope.all) return undefined;
  const parts: SQL[] = [];
  if (scope.unitIds.length) parts.push(inArray(enrolments.unitId, scope.unitIds));
  if (scope.trainerId) parts.push(trainedBy(enrolments.editionId, scope.trainerId));
  return parts.length ? (or(...parts) as SQL) : sql`false`;
}

/** People with what enrolment needs of them: their unit, whether active, their language. */
async function people(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      unitId: users.unitId,
      active: users.active,
      locale: users.locale,
    })
    .from(users)
    .where(inArray(users.id, ids));
}

/** An enrolment that still holds or awaits a place: one per person and edition. */
const isActive = inArray(enrolments.status, ['pending', 'confirmed', 'waitlisted']);

export function createEnrolmentRepository() {
  function select(db: Db) {
    return db
      .select(view)
      .from(enrolments)
      .innerJoin(users, eq(users.id, enrolments.userId))
      .leftJoin(territorialUnits, eq(territorialUnits.id, enrolments.unitId))
      .innerJoin(editions, eq(editions.id, enrolments.editionId))
      .innerJoin(trainingPaths, eq(trainingPaths.id, editions.pathId))
      .leftJoin(nominator, eq(nominator.id, enrolments.nominatedBy));
  }

  return {
    /** Locks the edition row: every seat decision of an edition happens one at a time. */
    async lockEdition(db: Db, id: number): Promise<EditionRow | undefined> {
      const [row] = await db.select().from(editions).where(eq(editions.id, id)).for('update');
      return row;
    },

    async findEdition(db: Db, id: number) {
      const [row] = await db
        .select({ edition: editions, path: trainingPaths })
        .from(editions)
        .innerJoin(trainingPaths, eq(trainingPaths.id, editions.pathId))
        .where(eq(editions.id, id));
      return row;
    },

    async seatState(db: Db, edition: Pick<EditionRow, 'id' | 'capacity'>): Promise<SeatState> {
      const confirmed = await db
        .select({ unitId: enrolments.unitId, n: count() })
        .from(enrolments)
        .where(and(eq(enrolments.editionId, edition.id), eq(enrolments.status, 'confirmed')))
        .groupBy(enrolments.unitId);
      const quotas = await db.select().from(editionQuotas).where(eq(editionQuotas.editionId, edition.id));
      return {
        capacity: edition.capacity,
        confirmedByUnit: new Map(confirmed.map((c) => [c.unitId, c.n])),
        quotas: new Map(quotas.map((q) => [q.unitId, q.seats])),
      };
    },

    async countsByStatus(db: Db, editionId: number) {
      const rows = await db
        .select({ status: enrolments.status, n: count() })
        .from(enrolments)
        .where(eq(enrolments.editionId, editionId))
        .groupBy(enrolments.status);
      return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
    },

    async quotas(db: Db, editionId: number) {
      return db
        .select({ unitId: editionQuotas.unitId, unitName: territorialUnits.name, seats: editionQuotas.seats })
        .from(editionQuotas)
        .innerJoin(territorialUnits, eq(territorialUnits.id, editionQuotas.unitId))
        .where(eq(editionQuotas.editionId, editionId))
        .orderBy(asc(territorialUnits.name));
    },

    async replaceQuotas(db: Db, editionId: number, quotas: { unitId: number; seats: number }[]) {
      await db.delete(editionQuotas).where(eq(editionQuotas.editionId, editionId));
      if (quotas.length) await db.insert(editionQuotas).values(quotas.map((q) => ({ ...q, editionId })));
    },

    async findActive(db: Db, editionId: number, userId: string) {
      const [row] = await db
        .select()
        .from(enrolments)
        .where(and(eq(enrolments.editionId, editionId), eq(enrolments.userId, userId), isActive));
      return row;
    },

    /** Which of these people already hold an active enrolment in the edition. */
    async activeAmong(db: Db, editionId: number, userIds: string[]): Promise<Set<string>> {
      if (!userIds.length) return new Set();
      const rows = await db
        .select({ userId: enrolments.userId })
        .from(enrolments)
        .where(and(eq(enrolments.editionId, editionId), inArray(enrolments.userId, userIds), isActive));
      return new Set(rows.map((r) => r.userId));
    },

    async findById(db: Db, id: number) {
      const [row] = await db.select().from(enrolments).where(eq(enrolments.id, id));
      return row;
    },

    /** Locks one enrolment, so two decisions on it cannot both apply. */
    async lock(db: Db, id: number) {
      const [row] = await db.select().from(enrolments).where(eq(enrolments.id, id)).for('update');
      return row;
    },

    async insert(db: Db, values: typeof enrolments.$inferInsert) {
      const [row] = await db.insert(enrolments).values(values).returning();
      return row as EnrolmentRow;
    },

    /** Several enrolments in one statement; the rows come back in the order given. */
    async insertMany(db: Db, values: (typeof enrolments.$inferInsert)[]): Promise<EnrolmentRow[]> {
      if (!values.length) return [];
      const rows = await db.insert(enrolments).values(values).returning();
      const byQueue = new Map(rows.map((r) => [r.queueNo, r]));
      return values.map((v) => byQueue.get(v.queueNo as number) as EnrolmentRow);
    },

    async update(db: Db, id: number, values: Partial<typeof enrolments.$inferInsert>) {
      const [row] = await db
        .update(enrolments)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(enrolments.id, id))
        .returning();
      return row as EnrolmentRow;
    },

    /**
     * The place and time of a seat decision, taken while the edition is locked: the next number of the
     * queue and the database's own clock at that moment. Decisions on one edition happen one at a time,
     * so both grow in the order the decisions were made, whichever process made them; the time shown to
     * people (`queuedAt`: the request, or its approval) is therefore the order of the waitlist. `now()`
     * would not do: it is the start of the transaction, taken before waiting for the lock.
     */
    async stamp(db: Db): Promise<{ queueNo: number; at: Date }> {
      // Milliseconds since the epoch: both drivers return them alike (a timestamp comes back as text
      // from one and as a Date from the other).
      const res = await db.execute<{ n: string; ms: string }>(
        sql`select nextval('enrolment_queue') as n, floor(extract(epoch from clock_timestamp()) * 1000)::bigint as ms`,
      );
      const row = (res as unknown as { rows: { n: string | number; ms: string | number }[] }).rows[0];
      return { queueNo: Number(row?.n), at: new Date(Number(row?.ms)) };
    },

    /**
     * `n` stamps in one round trip, for a batch of decisions taken under one lock: consecutive queue
     * numbers, and times that grow with them.
     */
    async stamps(db: Db, n: number): Promise<{ queueNo: number; at: Date }[]> {
      const res = await db.execute<{ n: string; ms: string }>(
        sql`select nextval('enrolment_queue') as n, floor(extract(epoch from clock_timestamp()) * 1000)::bigint as ms from generate_series(1, ${n}::int) order by 1`,
      );
      const rows = (res as unknown as { rows: { n: string | number; ms: string | number }[] }).rows;
      const stamps = rows.map((r) => ({ queueNo: Number(r.n), at: new Date(Number(r.ms)) }));
      // clock_timestamp() is read row by row; keep the times in queue order even if two rows share a tick.
      for (let i = 1; i < stamps.length; i++) {
        const prev = stamps[i - 1] as { at: Date };
        const cur = stamps[i] as { at: Date };
        if (cur.at < prev.at) cur.at = prev.at;
      }
      return stamps;
    },

    /** How many wait in the edition's waitlist. */
    async waitlistLength(db: Db, editionId: number): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(enrolments)
        .where(and(eq(enrolments.editionId, editionId), eq(enrolments.status, 'waitlisted')));
      return row?.n ?? 0;
    },

    /** The waitlist in order: lowest queue number first. */
    async waitlist(db: Db, editionId: number) {
      return db
        .select()
        .from(enrolments)
        .where(and(eq(enrolments.editionId, editionId), eq(enrolments.status, 'waitlisted')))
        .orderBy(asc(enrolments.queueNo));
    },

    async views(db: Db, where: SQL | undefined) {
      return select(db).where(where).orderBy(desc(enrolments.requestedAt), desc(enrolments.id));
    },

    /** The views of some enrolments, in no particular order. */
    async viewsByIds(db: Db, ids: number[]) {
      if (!ids.length) return [];
      return select(db).where(inArray(enrolments.id, ids));
    },

    ofUser(userId: string): SQL {
      return eq(enrolments.userId, userId);
    },

    async viewById(db: Db, id: number) {
      const [row] = await select(db).where(eq(enrolments.id, id));
      return row;
    },

    async list(
      db: Db,
      scope: EnrolmentScope,
      f: {
        editionId?: number | undefined;
        pathId?: number | undefined;
        status?: EnrolmentRow['status'] | undefined;
        unitId?: number | undefined;
        q?: string | undefined;
      },
      page: number,
      pageSize: number,
    ) {
      const where: (SQL | undefined)[] = [scoped(scope)];
      if (f.editionId !== undefined) where.push(eq(enrolments.editionId, f.editionId));
      if (f.pathId !== undefined) where.push(eq(editions.pathId, f.pathId));
      if (f.status) where.push(eq(enrolments.status, f.status));
      if (f.unitId !== undefined) where.push(eq(enrolments.unitId, f.unitId));
      if (f.q) {
        const like = `%${escapeLike(f.q)}%`;
        where.push(or(ilike(users.name, like), ilike(users.email, like)));
      }
      const cond = and(...where);
      // Within an edition the waitlist order is what admins need to see; otherwise the latest to queue first.
      const order =
        f.editionId !== undefined
          ? [
              sql`case ${enrolments.status} when 'confirmed' then 0 when 'pending' then 1 when 'waitlisted' then 2 else 3 end`,
              asc(enrolments.queueNo),
            ]
          : [desc(queuedAt), desc(enrolments.id)];
      const rows = await select(db)
        .where(cond)
        .orderBy(...order)
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      // Every enrolment has its person and edition: the count joins them only when a filter reads them.
      const counted = db.select({ n: count() }).from(enrolments);
      const [total] = await (f.q || f.pathId !== undefined
        ? counted
            .innerJoin(users, eq(users.id, enrolments.userId))
            .innerJoin(editions, eq(editions.id, enrolments.editionId))
            .where(cond)
        : counted.where(cond));
      return { rows, total: total?.n ?? 0 };
    },

    people,

    async person(db: Db, id: string) {
      const [row] = await people(db, [id]);
      return row;
    },
  };
}

export type EnrolmentRepository = ReturnType<typeof createEnrolmentRepository>;
