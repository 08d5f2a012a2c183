import { and, asc, count, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import {
  competencyFrameworks,
  frameworkCompetencies,
  jobProfiles,
  profileExpectations,
} from '../../../db/schema/index.js';

export type JobProfileRow = typeof jobProfiles.$inferSelect;

/** National levels (unit null) or one unit's overrides. */
const scope = (unitId: number | null) =>
  unitId === null ? isNull(profileExpectations.unitId) : eq(profileExpectations.unitId, unitId);

/** Codes of the published version's competencies, as a subquery. */
const publishedCodes = (db: Db) =>
  db
    .select({ code: frameworkCompetencies.code })
    .from(frameworkCompetencies)
    .innerJoin(
      competencyFrameworks,
      and(
        eq(competencyFrameworks.id, frameworkCompetencies.frameworkId),
        eq(competencyFrameworks.status, 'published'),
      ),
    );

/** Job profiles and their expected levels: the only SQL on profile_expectations. */
export function createProfilesRepository() {
  return {
    async jobProfiles(db: Db) {
      return db
        .select()
        .from(jobProfiles)
        .where(eq(jobProfiles.active, true))
        .orderBy(asc(jobProfiles.nameIt));
    },

    async jobProfile(db: Db, code: string) {
      const [row] = await db.select().from(jobProfiles).where(eq(jobProfiles.code, code));
      return row;
    },

    /**
     * The job profile's row, locked until the transaction ends: saves of one profile's levels run one
     * after the other, so each reads the levels the one before it wrote. NO KEY UPDATE leaves the
     * foreign-key checks of other tables (people with this profile) free.
     */
    async lockJobProfile(tx: Db, code: string) {
      const [row] = await tx
        .select()
        .from(jobProfiles)
        .where(eq(jobProfiles.code, code))
        .for('no key update');
      return row;
    },

    async publishedCodes(db: Db) {
      return new Set((await publishedCodes(db)).map((r) => r.code));
    },

    /** A profile's levels: national (unit null) or one unit's overrides. */
    async levels(db: Db, jobProfileCode: string, unitId: number | null) {
      return db
        .select()
        .from(profileExpectations)
        .where(and(eq(profileExpectations.jobProfileCode, jobProfileCode), scope(unitId)))
        .orderBy(asc(profileExpectations.competencyCode));
    },

    /** Per profile: national levels above 0 on published competencies, and the unit's overrides. */
    async counts(db: Db, unitId: number | null) {
      const codes = publishedCodes(db);
      const national = await db
        .select({ code: profileExpectations.jobProfileCode, n: count() })
        .from(profileExpectations)
        .where(
          and(
            isNull(profileExpectations.unitId),
            gt(profileExpectations.level, 0),
            inArray(profileExpectations.competencyCode, codes),
          ),
        )
        .groupBy(profileExpectations.jobProfileCode);
      const overrides =
        unitId === null
          ? []
          : await db
              .select({ code: profileExpectations.jobProfileCode, n: count() })
              .from(profileExpectations)
              .where(
                and(
                  eq(profileExpectations.unitId, unitId),
                  inArray(profileExpectations.competencyCode, publishedCodes(db)),
                ),
              )
              .groupBy(profileExpectations.jobProfileCode);
      return {
        national: new Map(national.map((r) => [r.code, r.n])),
        overrides: new Map(overrides.map((r) => [r.code, r.n])),
      };
    },

    /**
     * Inserts or changes one level on the table's unique key (profile, code, unit — national as 0).
     * Drizzle's conflict target takes columns only, and the key holds an expression: hence the SQL.
     */
    async upsert(
      tx: Db,
      key: { jobProfileCode: string; competencyCode: string; unitId: number | null },
      level: number,
      by: { at: Date; userId: string | null },
    ) {
      await tx.execute(sql`
        insert into profile_expectations (job_profile_code, competency_code, unit_id, level, updated_at, updated_by)
        values (${key.jobProfileCode}, ${key.competencyCode}, ${key.unitId}, ${level}, ${by.at.toISOString()}, ${by.userId})
        on conflict (job_profile_code, competency_code, coalesce(unit_id, 0))
        do update set level = excluded.level, updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
    },

    async remove(tx: Db, key: { jobProfileCode: string; competencyCode: string; unitId: number | null }) {
      await tx
        .delete(profileExpectations)
        .where(
          and(
            eq(profileExpectations.jobProfileCode, key.jobProfileCode),
            eq(profileExpectations.competencyCode, key.competencyCode),
            scope(key.unitId),
          ),
        );
    },
  };
}

export type ProfilesRepository = ReturnType<typeof createProfilesRepository>;
