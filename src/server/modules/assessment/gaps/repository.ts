import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { rowsOf } from '../../../db/sql.js';
import type { PersonRow } from './aggregate.js';
import { expectationsOf } from './expectations.js';

export type RowsFilter = { campaignId: number; unitId?: number };

/**
 * The campaign's answers as gap rows: one per response × competency answered, with the level the
 * person's job profile is expected to hold (the unit's override first, else the national profile;
 * frozen at close for a closed campaign, see expectations.ts) and the assessed level (the manager's
 * when given, else the self-assessment). Answers on a competency with no expected level for the
 * profile carry no gap and are left out. `personKey` is the response's random id: it groups one
 * questionnaire's rows and says nothing of who answered.
 */
export function createGapsRepository() {
  return {
    async personRows(db: Db, filter: RowsFilter): Promise<PersonRow[]> {
      const rows = await rowsOf<{
        person_key: string;
        unit_id: number;
        job_profile: string | null;
        region: string | null;
        domain: string;
        area: string;
        competency: string;
        expected: number;
        assessed: number;
      }>(
        db,
        sql`with e as materialized ${expectationsOf(filter.campaignId)}
        select r.id as person_key, r.unit_id, r.job_profile_code as job_profile, tu.region_code as region,
          a.domain_code as domain, a.code as area, c.code as competency,
          coalesce(lo.level, na.level) as expected, coalesce(l.manager_level, l.self_level) as assessed
        from campaign_response_levels l
        join campaign_responses r on r.id = l.response_id
        join framework_competencies c on c.id = l.competency_id
        join framework_areas a on a.id = c.area_id
        left join territorial_units tu on tu.id = r.unit_id
        left join e na on na.job_profile_code = r.job_profile_code and na.competency_code = c.code and na.unit_id = 0
        left join e lo on lo.job_profile_code = r.job_profile_code and lo.competency_code = c.code
          and lo.unit_id = r.unit_id
        where r.campaign_id = ${filter.campaignId} and r.unit_id is not null
          ${filter.unitId === undefined ? sql`` : sql`and r.unit_id = ${filter.unitId}`}
          and coalesce(lo.level, na.level) is not null`,
      );
      return rows.map((r) => ({
        personKey: r.person_key,
        unitId: Number(r.unit_id),
        jobProfile: r.job_profile,
        region: r.region,
        domain: r.domain,
        area: r.area,
        competency: r.competency,
        expected: Number(r.expected),
        assessed: Number(r.assessed),
      }));
    },
  };
}

export type GapsRepository = ReturnType<typeof createGapsRepository>;
