import { and, asc, count, eq, gte, ilike, inArray, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { CalendarQuery, EditionStatus } from '../../../../common/catalogue.js';
import { romeToday } from '../../../../common/rome-time.js';
import type { Db } from '../../../db/client.js';
import { agreementActiveOn, pathMatches } from '../../../db/predicates.js';
import {
  agreements,
  calendarFeeds,
  editionSessions,
  editions,
  editionTrainers,
  enrolments,
  pathUnits,
  territorialUnits,
  trainingPaths,
} from '../../../db/schema/index.js';
import { escapeLike, seatsLeftOf } from '../../../db/sql.js';
import type { Clock } from '../../../kernel/clock.js';

/** Editions the public may see: once published, and still after they close, end or are cancelled. */
export const PUBLIC_EDITION_STATUSES: EditionStatus[] = ['published', 'closed', 'completed', 'cancelled'];

const entry = {
  session: editionSessions,
  edition: editions,
  path: {
    slug: trainingPaths.slug,
    title: trainingPaths.title,
    domainCode: trainingPaths.domainCode,
    serviceModelCode: trainingPaths.serviceModelCode,
    updatedAt: trainingPaths.updatedAt,
  },
  regionName: territorialUnits.regionName,
};

/** Paths the staff of a unit may attend: open to all, listing the unit, or matching its Convenzioni. */
function openToUnit(unitId: number, today: string): SQL {
  return or(
    eq(trainingPaths.eligibility, 'all'),
    and(
      eq(trainingPaths.eligibility, 'units'),
      sql`exists (select 1 from ${pathUnits} where ${pathUnits.pathId} = ${trainingPaths.id} and ${pathUnits.unitId} = ${unitId})`,
    ),
    and(
      eq(trainingPaths.eligibility, 'agreement'),
      sql`exists (select 1 from ${agreements} where ${agreements.unitId} = ${unitId} and ${agreements.serviceModelCode} = ${trainingPaths.serviceModelCode} and ${agreementActiveOn(today)})`,
    ),
  ) as SQL;
}

export type CalendarRange = { fromInstant: Date; toInstant: Date };

/** `clock` tells which Convenzioni are active today (Rome calendar day). */
export function createCalendarRepository(clock: Clock) {
  function base(db: Db) {
    return db
      .select(entry)
      .from(editionSessions)
      .innerJoin(editions, eq(editions.id, editionSessions.editionId))
      .innerJoin(trainingPaths, eq(trainingPaths.id, editions.pathId))
      .leftJoin(territorialUnits, eq(territorialUnits.id, editions.venueUnitId));
  }

  /** The public sessions matching the calendar's filters (not its period). */
  function matching(q: CalendarQuery): SQL[] {
    const where: SQL[] = [
      inArray(editions.status, PUBLIC_EDITION_STATUSES),
      eq(trainingPaths.status, 'published'),
    ];
    if (q.domain) where.push(eq(trainingPaths.domainCode, q.domain));
    if (q.serviceModel) where.push(eq(trainingPaths.serviceModelCode, q.serviceModel));
    if (q.mode) where.push(eq(editionSessions.mode, q.mode));
    if (q.unit !== undefined) where.push(openToUnit(q.unit, romeToday(clock.now())));
    if (q.region)
      where.push(
        or(ilike(territorialUnits.regionName, escapeLike(q.region)), eq(editions.online, true)) as SQL,
      );
    if (q.available === 'true') where.push(sql`${seatsLeftOf()} > 0`, eq(editions.status, 'published'));
    if (q.q) where.push(pathMatches(q.q));
    return where;
  }

  return {
    /** Public sessions in [from, to) matching the filters, by start time. */
    async sessions(db: Db, q: CalendarQuery, range: CalendarRange) {
      const cond = and(
        ...matching(q),
        gte(editionSessions.startsAt, range.fromInstant),
        lt(editionSessions.startsAt, range.toInstant),
      );
      const [rows, [total]] = await Promise.all([
        base(db)
          .where(cond)
          .orderBy(asc(editionSessions.startsAt), asc(editionSessions.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db
          .select({ n: count() })
          .from(editionSessions)
          .innerJoin(editions, eq(editions.id, editionSessions.editionId))
          .innerJoin(trainingPaths, eq(trainingPaths.id, editions.pathId))
          .leftJoin(territorialUnits, eq(territorialUnits.id, editions.venueUnitId))
          .where(cond),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    /** The start of the first matching session at or after `after`, or null: where to look next. */
    async nextStart(db: Db, q: CalendarQuery, after: Date): Promise<Date | null> {
      const [row] = await db
        .select({ startsAt: editionSessions.startsAt })
        .from(editionSessions)
        .innerJoin(editions, eq(editions.id, editionSessions.editionId))
        .innerJoin(trainingPaths, eq(trainingPaths.id, editions.pathId))
        .leftJoin(territorialUnits, eq(territorialUnits.id, editions.venueUnitId))
        .where(
          and(
            ...matching(q),
            gte(editionSessions.startsAt, after),
            // Somewhere worth going: a session that will take place.
            eq(editionSessions.status, 'scheduled'),
            ne(editions.status, 'cancelled'),
          ),
        )
        .orderBy(asc(editionSessions.startsAt))
        .limit(1);
      return row?.startsAt ?? null;
    },

    /**
     * Seats left in each of the editions, counted once per edition rather than once per session row
     * (a per-row sub-query made the national feed count 5,000 times).
     */
    async seatsLeft(db: Db, editionIds: number[]): Promise<Map<number, number>> {
      const ids = [...new Set(editionIds)];
      if (!ids.length) return new Map();
      const rows = await db
        .select({ id: editions.id, capacity: editions.capacity, taken: count(enrolments.id) })
        .from(editions)
        .leftJoin(enrolments, and(eq(enrolments.editionId, editions.id), eq(enrolments.status, 'confirmed')))
        .where(inArray(editions.id, ids))
        .groupBy(editions.id);
      return new Map(rows.map((r) => [r.id, r.capacity - r.taken]));
    },

    /** How many editions of each path are published or closed and not yet ended (Rome day `today`). */
    async upcomingEditionCounts(db: Db, pathIds: number[], today: string): Promise<Map<number, number>> {
      if (!pathIds.length) return new Map();
      const rows = await db
        .select({ pathId: editions.pathId, n: count() })
        .from(editions)
        .where(
          and(
            inArray(editions.pathId, pathIds),
            inArray(editions.status, ['published', 'closed']),
            gte(editions.endsOn, today),
          ),
        )
        .groupBy(editions.pathId);
      return new Map(rows.map((r) => [r.pathId, r.n]));
    },

    /**
     * The sessions of the editions a person is confirmed in or trains, and those they lead. Read from the
     * person's few editions (by index) rather than by testing every session of the programme.
     */
    async sessionsOfPerson(db: Db, userId: string) {
      const theirs = sql`select ${enrolments.editionId} from ${enrolments} where ${enrolments.userId} = ${userId} and ${enrolments.status} = 'confirmed' union select ${editionTrainers.editionId} from ${editionTrainers} where ${editionTrainers.userId} = ${userId}`;
      const visible = inArray(editions.status, PUBLIC_EDITION_STATUSES);
      const [ofEditions, led] = await Promise.all([
        base(db).where(and(visible, sql`${editionSessions.editionId} in (${theirs})`)),
        base(db).where(and(visible, eq(editionSessions.trainerId, userId))),
      ]);
      const byId = new Map([...ofEditions, ...led].map((r) => [r.session.id, r]));
      return [...byId.values()].sort(
        (a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime() || a.session.id - b.session.id,
      );
    },

    async publicEditionsOfPath(db: Db, pathId: number) {
      return db
        .select()
        .from(editions)
        .where(and(eq(editions.pathId, pathId), inArray(editions.status, PUBLIC_EDITION_STATUSES)))
        .orderBy(asc(editions.startsOn));
    },

    async feedOwner(db: Db, token: string) {
      const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.token, token));
      return row?.userId;
    },

    async feedOf(db: Db, userId: string) {
      const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
      return row;
    },

    /** One feed per person: a new token replaces the old one, which stops working. */
    async replaceFeed(db: Db, userId: string, token: string) {
      await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
      await db.insert(calendarFeeds).values({ userId, token });
    },

    async deleteFeed(db: Db, userId: string) {
      await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
    },
  };
}

export type CalendarRepository = ReturnType<typeof createCalendarRepository>;
export type CalendarRow = Awaited<ReturnType<CalendarRepository['sessions']>>['rows'][number];
