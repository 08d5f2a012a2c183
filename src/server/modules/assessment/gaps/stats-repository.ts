import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { type CellKey, DIMENSIONS, type Dimension } from './aggregate.js';

/** Which answers count: a campaign, and optionally only some units and one job profile. */
export type StatsFilter = { campaignId: number; unitIds?: readonly number[]; jobProfile?: string };

/** The raw statistics of one group, as aggregate() computes them from the rows. */
export type GroupStats = {
  key: CellKey;
  respondents: number;
  observations: number;
  totalGap: number;
  affected: number;
};

const COLUMN: Record<Dimension, SQL> = {
  region: sql.raw('region'),
  unit: sql.raw('unit_id'),
  jobProfile: sql.raw('job_profile'),
  domain: sql.raw('domain'),
  area: sql.raw('area'),
  competency: sql.raw('competency'),
};

type Raw = {
  g: number | string | null;
  region: string | null;
  unit_id: number | string | null;
  job_profile: string | null;
  domain: string | null;
  area: string | null;
  competency: string | null;
  respondents: number | string;
  observations: number | string;
  total_gap: number | string;
  affected: number | string;
};

/**
 * The gap statistics of a campaign, aggregated in the database: a national campaign holds about a
 * million level rows, so only the groups (a few hundred) come back. The gap rows are the same as
 * repository.personRows (expected level: the unit's override, else the national one; assessed: the
 * manager's level, else the self-assessment; answers without an expected level left out), and the
 * numbers are the same as aggregate() on those rows (stats.int.test.ts proves it).
 *
 * One query per call, with one GROUPING SET per requested grouping (e.g. unit × domain, unit,
 * domain and the grand total), so a table and its margins come from one scan.
 */
export function createStatsRepository() {
  return {
    async groups(db: Db, filter: StatsFilter, sets: readonly (readonly Dimension[])[]) {
      const used = DIMENSIONS.filter((d) => sets.some((s) => s.includes(d)));
      const masks = sets.map((s) =>
        used.reduce((mask, d, i) => (s.includes(d) ? mask : mask | (1 << (used.length - 1 - i))), 0),
      );
      const groupBy = sql.join(
        sets.map(
          (s) =>
            sql`(${sql.join(
              DIMENSIONS.filter((d) => s.includes(d)).map((d) => COLUMN[d]),
              sql`, `,
            )})`,
        ),
        sql`, `,
      );
      const select = sql.join(
        DIMENSIONS.map((d) => (used.includes(d) ? sql`${COLUMN[d]}` : sql`null as ${COLUMN[d]}`)),
        sql`, `,
      );
      const grouping = used.length
        ? sql`grouping(${sql.join(
            used.map((d) => COLUMN[d]),
            sql`, `,
          )})`
        : sql`0`;
      const units =
        filter.unitIds === undefined
          ? sql``
          : filter.unitIds.length === 0
            ? sql`and false`
            : sql`and r.unit_id in (${sql.join(
                filter.unitIds.map((u) => sql`${u}`),
                sql`, `,
              )})`;
      const profile =
        filter.jobProfile === undefined ? sql`` : sql`and r.job_profile_code = ${filter.jobProfile}`;
      const res = await db.execute(sql`
        with g as (
          select r.id as response_id, r.unit_id, r.job_profile_code as job_profile, u.region_code as region,
                 a.domain_code as domain, a.code as area, c.code as competency,
                 greatest(0, coalesce(lx.level, nx.level) - coalesce(rl.manager_level, rl.self_level)) as gap
          from campaign_response_levels rl
          join campaign_responses r on r.id = rl.response_id
          join framework_competencies c on c.id = rl.competency_id
          join framework_areas a on a.id = c.area_id
          join territorial_units u on u.id = r.unit_id
          left join profile_expectations nx
            on nx.job_profile_code = r.job_profile_code and nx.competency_code = c.code and nx.unit_id is null
          left join profile_expectations lx
            on lx.job_profile_code = r.job_profile_code and lx.competency_code = c.code and lx.unit_id = r.unit_id
          where r.campaign_id = ${filter.campaignId}
            and coalesce(lx.level, nx.level) is not null
            ${units} ${profile}
        )
        select ${grouping}::int as g, ${select},
               count(distinct response_id)::int as respondents,
               count(*)::int as observations,
               coalesce(sum(gap), 0)::int as total_gap,
               (count(distinct response_id) filter (where gap >= 1))::int as affected
        from g
        group by grouping sets (${groupBy})`);
      const rows = (res as unknown as { rows: Raw[] }).rows;
      const out: GroupStats[][] = sets.map(() => []);
      for (const r of rows) {
        // The empty grouping set answers one row even over no answers; aggregate() answers none.
        if (Number(r.respondents) === 0) continue;
        const set = masks.indexOf(Number(r.g ?? 0));
        const dims = sets[set];
        if (!dims) continue;
        const key: CellKey = {};
        for (const d of DIMENSIONS) {
          if (!dims.includes(d)) continue;
          if (d === 'unit') key.unit = Number(r.unit_id);
          else if (d === 'jobProfile') key.jobProfile = r.job_profile;
          else if (d === 'region') key.region = r.region;
          else key[d] = r[d] ?? '';
        }
        out[set]?.push({
          key,
          respondents: Number(r.respondents),
          observations: Number(r.observations),
          totalGap: Number(r.total_gap),
          affected: Number(r.affected),
        });
      }
      return out;
    },
  };
}

export type StatsRepository = ReturnType<typeof createStatsRepository>;
