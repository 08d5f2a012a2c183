import { and, countDistinct, eq, gte, lt, sql } from 'drizzle-orm';
import { romeInstant } from '../../../../common/rome-time.js';
import type { Db } from '../../../db/client.js';
import { attendance, editionSessions, enrolments } from '../../../db/schema/index.js';

/** What other modules may ask about the training a unit's staff received (read only, figures only). */
export const unitTrainingLookup = {
  /**
   * Hours attended by the unit's staff in sessions of the Rome calendar year, how many people attended,
   * and how many enrolments were completed in that year.
   */
  async yearOf(db: Db, unitId: number, year: number) {
    const from = romeInstant(`${year}-01-01`);
    const to = romeInstant(`${year + 1}-01-01`);
    const [attended] = await db
      .select({
        minutes: sql<number>`coalesce(sum(${attendance.minutes}), 0)::int`,
        people: countDistinct(attendance.userId),
      })
      .from(attendance)
      .innerJoin(enrolments, eq(enrolments.id, attendance.enrolmentId))
      .innerJoin(editionSessions, eq(editionSessions.id, attendance.sessionId))
      .where(
        and(
          eq(enrolments.unitId, unitId),
          gte(editionSessions.startsAt, from),
          lt(editionSessions.startsAt, to),
        ),
      );
    const [completed] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(enrolments)
      .where(
        and(
          eq(enrolments.unitId, unitId),
          gte(enrolments.completedOn, `${year}-01-01`),
          lt(enrolments.completedOn, `${year + 1}-01-01`),
        ),
      );
    return {
      hours: Math.round(((attended?.minutes ?? 0) / 60) * 10) / 10,
      people: Number(attended?.people ?? 0),
      completions: Number(completed?.n ?? 0),
    };
  },
};
export type UnitTrainingLookup = typeof unitTrainingLookup;
