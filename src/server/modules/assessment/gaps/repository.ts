import { and, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import {
  campaignResponseLevels,
  campaignResponses,
  frameworkAreas,
  frameworkCompetencies,
  profileExpectations,
  territorialUnits,
} from '../../../db/schema/index.js';
import type { PersonRow } from './aggregate.js';

export type RowsFilter = { campaignId: number; unitId?: number };

const national = alias(profileExpectations, 'national');
const local = alias(profileExpectations, 'local');

/**
 * The campaign's answers as gap rows: one per response × competency answered, with the level the
 * person's job profile is expected to hold (the unit's override first, else the national profile) and
 * the assessed level (the manager's when given, else the self-assessment). Answers on a competency
 * with no expected level for the profile carry no gap and are left out. `personKey` is the response's
 * random id: it groups one questionnaire's rows and says nothing of who answered.
 */
export function createGapsRepository() {
  return {
    async personRows(db: Db, filter: RowsFilter): Promise<PersonRow[]> {
      const expected = sql<number>`coalesce(${local.level}, ${national.level})`;
      const rows = await db
        .select({
          personKey: campaignResponses.id,
          unitId: campaignResponses.unitId,
          jobProfile: campaignResponses.jobProfileCode,
          region: territorialUnits.regionCode,
          domain: frameworkAreas.domainCode,
          area: frameworkAreas.code,
          competency: frameworkCompetencies.code,
          expected,
          assessed: sql<number>`coalesce(${campaignResponseLevels.managerLevel}, ${campaignResponseLevels.selfLevel})`,
        })
        .from(campaignResponseLevels)
        .innerJoin(campaignResponses, eq(campaignResponses.id, campaignResponseLevels.responseId))
        .innerJoin(frameworkCompetencies, eq(frameworkCompetencies.id, campaignResponseLevels.competencyId))
        .innerJoin(frameworkAreas, eq(frameworkAreas.id, frameworkCompetencies.areaId))
        .leftJoin(territorialUnits, eq(territorialUnits.id, campaignResponses.unitId))
        .leftJoin(
          national,
          and(
            eq(national.jobProfileCode, campaignResponses.jobProfileCode),
            eq(national.competencyCode, frameworkCompetencies.code),
            isNull(national.unitId),
          ),
        )
        .leftJoin(
          local,
          and(
            eq(local.jobProfileCode, campaignResponses.jobProfileCode),
            eq(local.competencyCode, frameworkCompetencies.code),
            eq(local.unitId, campaignResponses.unitId),
          ),
        )
        .where(
          and(
            eq(campaignResponses.campaignId, filter.campaignId),
            filter.unitId === undefined ? undefined : eq(campaignResponses.unitId, filter.unitId),
            sql`${expected} is not null`,
          ),
        );
      return rows.flatMap((r) =>
        r.unitId === null
          ? []
          : [{ ...r, unitId: r.unitId, expected: Number(r.expected), assessed: Number(r.assessed) }],
      );
    },
  };
}

export type GapsRepository = ReturnType<typeof createGapsRepository>;
