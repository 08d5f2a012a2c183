import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, max, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { EnrolmentNoticeMode } from '../../../../common/enrolment.js';
import type { Db } from '../../../db/client.js';
import {
  editions,
  enrolments,
  officerDigests,
  officerNoticePreferences as prefs,
  roleGrants,
  trainingPaths,
  users,
} from '../../../db/schema/index.js';

const canceller = alias(users, 'canceller');

const person = { name: users.name, email: users.email, locale: users.locale };
/** No preference row: one e-mail each. */
const modeOf = sql<EnrolmentNoticeMode>`coalesce(${prefs.mode}, 'each')`;

/** What an officer's notice or summary says of one enrolment. */
const requestFacts = {
  id: enrolments.id,
  learnerName: users.name,
  pathTitle: trainingPaths.title,
  editionTitle: editions.title,
  startsOn: editions.startsOn,
  endsOn: editions.endsOn,
  requestedAt: enrolments.requestedAt,
};

/** The queries of the notices Province officers receive about their staff's enrolments. */
export function createOfficerRepository() {
  return {
    /** The active officers of a unit (a grant for the unit itself), with how they want to be told. */
    async officersOf(db: Db, unitId: number) {
      return db
        .selectDistinct({ id: users.id, ...person, mode: modeOf })
        .from(roleGrants)
        .innerJoin(users, eq(users.id, roleGrants.userId))
        .leftJoin(prefs, eq(prefs.userId, users.id))
        .where(
          and(eq(roleGrants.role, 'province_officer'), eq(roleGrants.unitId, unitId), eq(users.active, true)),
        )
        .orderBy(users.id);
    },

    async noticeMode(db: Db, userId: string): Promise<EnrolmentNoticeMode> {
      const [row] = await db.select({ mode: prefs.mode }).from(prefs).where(eq(prefs.userId, userId));
      return row?.mode ?? 'each';
    },

    /** Records a choice; choosing again what was already chosen keeps the time of the first choice. */
    async setNoticeMode(db: Db, userId: string, mode: EnrolmentNoticeMode, at: Date) {
      await db
        .insert(prefs)
        .values({ userId, mode, changedAt: at })
        .onConflictDoUpdate({
          target: prefs.userId,
          set: { mode, changedAt: at },
          setWhere: sql`${prefs.mode} <> excluded.mode`,
        });
    },

    /**
     * Active officers in digest mode with the units they answer for, leaving out those whose summary
     * of `day` is already claimed, so a pass after the day's summaries costs one query.
     */
    async digestOfficers(db: Db, day: string) {
      return db
        .select({ id: users.id, ...person, unitId: roleGrants.unitId, chosenAt: prefs.changedAt })
        .from(roleGrants)
        .innerJoin(users, eq(users.id, roleGrants.userId))
        .innerJoin(prefs, eq(prefs.userId, users.id))
        .where(
          and(
            eq(roleGrants.role, 'province_officer'),
            isNotNull(roleGrants.unitId),
            eq(users.active, true),
            eq(prefs.mode, 'digest'),
            sql`not exists (select 1 from ${officerDigests} where ${officerDigests.userId} = ${users.id} and ${officerDigests.day} = ${day})`,
          ),
        )
        .orderBy(users.id, roleGrants.unitId);
    },

    /** When the officer's previous summary was claimed (the start of the cancellations it covers). */
    async lastDigestAt(db: Db, userId: string): Promise<Date | null> {
      const [row] = await db
        .select({ at: max(officerDigests.sentAt) })
        .from(officerDigests)
        .where(eq(officerDigests.userId, userId));
      return row?.at ?? null;
    },

    /**
     * Claims the officer's summary of a Rome day; false when another process (or an earlier pass)
     * already has. The primary key (user, day) makes it one per day whatever runs concurrently.
     */
    async claimDigest(db: Db, userId: string, day: string, at: Date) {
      const rows = await db
        .insert(officerDigests)
        .values({ userId, day, sentAt: at })
        .onConflictDoNothing()
        .returning({ userId: officerDigests.userId });
      return rows.length > 0;
    },

    /** Requests of the units' people still awaiting approval, oldest first. */
    async pendingOf(db: Db, unitIds: number[]) {
      return db
        .select(requestFacts)
        .from(enrolments)
        .innerJoin(users, eq(users.id, enrolments.userId))
        .innerJoin(editions, eq(editions.id, enrolments.editionId))
        .innerJoin(trainingPaths, eq(trainingPaths.id, editions.pathId))
        .where(and(inArray(enrolments.unitId, unitIds), eq(enrolments.status, 'pending')))
        .orderBy(asc(enrolments.requestedAt), asc(enrolments.id));
    },

    /**
     * Enrolments of the units' people cancelled in (since, until], except moves to another edition
     * (the person is still enrolled) and those the officer cancelled themselves.
     */
    async cancelledOf(db: Db, unitIds: number[], since: Date, until: Date, officerId: string) {
      return db
        .select({
          ...requestFacts,
          cancelledAt: enrolments.cancelledAt,
          reason: enrolments.cancelReason,
          byName: canceller.name,
          bySelf: sql<boolean>`${enrolments.cancelledBy} = ${enrolments.userId}`,
        })
        .from(enrolments)
        .innerJoin(users, eq(users.id, enrolments.userId))
        .innerJoin(editions, eq(editions.id, enrolments.editionId))
        .innerJoin(trainingPaths, eq(trainingPaths.id, editions.pathId))
        .leftJoin(canceller, eq(canceller.id, enrolments.cancelledBy))
        .where(
          and(
            inArray(enrolments.unitId, unitIds),
            eq(enrolments.status, 'cancelled'),
            isNull(enrolments.movedTo),
            gt(enrolments.cancelledAt, since),
            lte(enrolments.cancelledAt, until),
            sql`${enrolments.cancelledBy} is distinct from ${officerId}`,
          ),
        )
        .orderBy(asc(enrolments.cancelledAt), asc(enrolments.id));
    },

    /** Name of the person who made a change, for "cancelled by …". */
    async nameOf(db: Db, userId: string) {
      const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
      return row?.name ?? null;
    },
  };
}

export type OfficerRepository = ReturnType<typeof createOfficerRepository>;
