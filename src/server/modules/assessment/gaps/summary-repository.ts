import { sql } from 'drizzle-orm';
import type { GapGrain } from '../../../../common/assessment.js';
import type { Db } from '../../../db/client.js';
import { rowsOf } from '../../../db/sql.js';
import { type CellKey, cellFromSums, compareKeys, type GapCell } from './aggregate.js';
import { expectationsOf } from './expectations.js';

/** Lock namespace of summary refreshes (pg_advisory_xact_lock(namespace, campaign)). */
const REFRESH_LOCK = 90_901;

/** The summed dimensions a summary query can group by; the grain adds the framework's. */
export type SummaryDimension = 'unit' | 'jobProfile' | 'region';
export type SummaryQuery = {
  campaignId: number;
  grain: GapGrain;
  by: readonly SummaryDimension[];
  unitIds?: readonly number[];
  jobProfile?: string;
  domain?: string;
  area?: string;
};

const frameworkKey: Record<GapGrain, 'competency' | 'area' | 'domain' | null> = {
  competency: 'competency',
  area: 'area',
  domain: 'domain',
  all: null,
};

/**
 * The campaign's gap summary (`campaign_gap_cells`): refreshed per unit when that unit's responses
 * or the campaign's expected levels (frozen once it is closed, see expectations.ts) have changed
 * since it was computed, or when the unit's state was dropped (a manager's levels, see `forget`),
 * then summed for any grouping. Its sums
 * equal what `aggregate` computes from the raw rows (tested), in milliseconds at national scale.
 */
export function createSummaryRepository() {
  return {
    /** Recomputes the units whose summary is out of date; returns how many were. One refresh per campaign at a time. */
    async refresh(db: Db, campaignId: number): Promise<number> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK}, ${campaignId})`);
        const [signature] = await rowsOf<{ s: string }>(
          tx,
          sql`select count(*)::text || ':' || coalesce(md5(string_agg(
                job_profile_code || '|' || competency_code || '|' || unit_id || '|' || level, ','
                order by job_profile_code, competency_code, unit_id)), '') as s
              from ${expectationsOf(campaignId)} e`,
        );
        const expectations = signature?.s ?? '';
        const stale = await rowsOf<{ unit_id: number; responses: number }>(
          tx,
          sql`with now as (
                select unit_id, count(*)::int as responses from campaign_responses
                where campaign_id = ${campaignId} and unit_id is not null group by unit_id
              )
              select coalesce(n.unit_id, s.unit_id) as unit_id, coalesce(n.responses, 0) as responses
              from now n full join (select * from campaign_gap_state where campaign_id = ${campaignId}) s
                on s.unit_id = n.unit_id
              where s.unit_id is null or n.unit_id is null or s.responses <> n.responses
                or s.expectations <> ${expectations}`,
        );
        if (!stale.length) return 0;
        // The aggregation sorts or hashes about a million rows at national scale: let it do so in memory.
        await tx.execute(sql`set local work_mem = '64MB'`);
        const units = sql.raw(`array[${stale.map((s) => Number(s.unit_id)).join(',')}]::int[]`);
        await tx.execute(
          sql`delete from campaign_gap_cells where campaign_id = ${campaignId} and unit_id = any(${units})`,
        );
        await tx.execute(sql`
          with e as materialized ${expectationsOf(campaignId)},
          answers as materialized (
            select r.id as person, r.unit_id, r.job_profile_code, a.domain_code, a.code as area_code,
              c.code as competency_code,
              greatest(0, coalesce(lo.level, na.level) - coalesce(l.manager_level, l.self_level)) as gap
            from campaign_response_levels l
            join campaign_responses r on r.id = l.response_id
            join framework_competencies c on c.id = l.competency_id
            join framework_areas a on a.id = c.area_id
            left join e na on na.job_profile_code = r.job_profile_code
              and na.competency_code = c.code and na.unit_id = 0
            left join e lo on lo.job_profile_code = r.job_profile_code
              and lo.competency_code = c.code and lo.unit_id = r.unit_id
            where r.campaign_id = ${campaignId} and r.unit_id = any(${units})
              and coalesce(lo.level, na.level) is not null
          ), per_area as materialized (
            select unit_id, job_profile_code, person, domain_code, area_code,
              count(*) as obs, sum(gap) as total, bool_or(gap >= 1) as hit
            from answers group by unit_id, job_profile_code, person, domain_code, area_code
          ), per_domain as materialized (
            select unit_id, job_profile_code, person, domain_code,
              sum(obs) as obs, sum(total) as total, bool_or(hit) as hit
            from per_area group by unit_id, job_profile_code, person, domain_code
          )
          insert into campaign_gap_cells (campaign_id, unit_id, job_profile_code, grain, code, domain_code,
            area_code, respondents, observations, total_gap, affected)
          select ${campaignId}::int, unit_id, job_profile_code, 'competency', competency_code, min(domain_code),
            min(area_code), count(*), count(*), sum(gap), count(*) filter (where gap >= 1)
          from answers group by unit_id, job_profile_code, competency_code
          union all
          select ${campaignId}::int, unit_id, job_profile_code, 'area', area_code, min(domain_code), area_code,
            count(*), sum(obs), sum(total), count(*) filter (where hit)
          from per_area group by unit_id, job_profile_code, area_code
          union all
          select ${campaignId}::int, unit_id, job_profile_code, 'domain', domain_code, domain_code, null,
            count(*), sum(obs), sum(total), count(*) filter (where hit)
          from per_domain group by unit_id, job_profile_code, domain_code
          union all
          select ${campaignId}::int, unit_id, job_profile_code, 'all', '', null, null,
            count(*), sum(obs), sum(total), count(*) filter (where hit)
          from (
            select unit_id, job_profile_code, person, sum(obs) as obs, sum(total) as total, bool_or(hit) as hit
            from per_domain group by unit_id, job_profile_code, person
          ) per_person
          group by unit_id, job_profile_code`);
        await tx.execute(
          sql`delete from campaign_gap_state where campaign_id = ${campaignId} and unit_id = any(${units})`,
        );
        const present = stale.filter((s) => Number(s.responses) > 0);
        if (present.length)
          await tx.execute(sql`
            insert into campaign_gap_state (campaign_id, unit_id, responses, expectations)
            values ${sql.join(
              present.map(
                (s) => sql`(${campaignId}, ${Number(s.unit_id)}, ${Number(s.responses)}, ${expectations})`,
              ),
              sql`, `,
            )}`);
        return stale.length;
      });
    },

    /** Marks a unit's summary out of date, so the next refresh recomputes it (a manager changed levels). */
    async forget(db: Db, campaignId: number, unitId: number): Promise<void> {
      await db.execute(
        sql`delete from campaign_gap_state where campaign_id = ${campaignId} and unit_id = ${unitId}`,
      );
    },

    /** The summary summed by `by` at the query's grain, in key order (raw statistics: suppress before publishing). */
    async cells(db: Db, q: SummaryQuery): Promise<GapCell[]> {
      const columns = {
        unit: sql`c.unit_id`,
        jobProfile: sql`c.job_profile_code`,
        region: sql`tu.region_code`,
      } as const;
      const groups = q.by.map((d) => columns[d]);
      const fk = frameworkKey[q.grain];
      const rows = await rowsOf<{
        unit_id?: number;
        job_profile_code?: string;
        region_code?: string;
        code: string;
        domain_code: string | null;
        area_code: string | null;
        respondents: number;
        observations: number;
        total_gap: number;
        affected: number;
      }>(
        db,
        sql`select ${sql.join(
          [
            ...q.by.map(
              (d) =>
                sql`${columns[d]} as ${sql.raw(d === 'unit' ? 'unit_id' : d === 'jobProfile' ? 'job_profile_code' : 'region_code')}`,
            ),
            sql`c.code`,
            sql`min(c.domain_code) as domain_code`,
            sql`min(c.area_code) as area_code`,
            sql`sum(c.respondents)::int as respondents`,
            sql`sum(c.observations)::int as observations`,
            sql`sum(c.total_gap)::int as total_gap`,
            sql`sum(c.affected)::int as affected`,
          ],
          sql`, `,
        )}
        from campaign_gap_cells c join territorial_units tu on tu.id = c.unit_id
        where c.campaign_id = ${q.campaignId} and c.grain = ${q.grain}
          ${
            q.unitIds === undefined
              ? sql``
              : sql`and c.unit_id = any(${sql.raw(`array[${q.unitIds.map((u) => Math.trunc(u)).join(',')}]::int[]`)})`
          }
          ${q.jobProfile === undefined ? sql`` : sql`and c.job_profile_code = ${q.jobProfile}`}
          ${q.domain === undefined ? sql`` : sql`and c.domain_code = ${q.domain}`}
          ${q.area === undefined ? sql`` : sql`and c.area_code = ${q.area}`}
        group by ${sql.join([...groups, sql`c.code`], sql`, `)}`,
      );
      return rows
        .filter((r) => Number(r.observations) > 0)
        .map((r) => {
          const key: CellKey = {};
          if (q.by.includes('region')) key.region = r.region_code ?? null;
          if (q.by.includes('unit')) key.unit = Number(r.unit_id);
          if (q.by.includes('jobProfile')) key.jobProfile = r.job_profile_code ?? null;
          if (fk) key[fk] = r.code;
          return cellFromSums(key, {
            respondents: Number(r.respondents),
            observations: Number(r.observations),
            totalGap: Number(r.total_gap),
            affected: Number(r.affected),
          });
        })
        .sort((a, b) => compareKeys(a.key, b.key));
    },
  };
}

export type SummaryRepository = ReturnType<typeof createSummaryRepository>;
