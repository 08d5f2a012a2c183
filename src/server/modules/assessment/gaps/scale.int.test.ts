import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiUrl, apiRoutes as r } from '../../../../common/api-routes.js';
import type { Heatmap, Priorities } from '../../../../common/gaps.js';
import { startTestApp } from '../../../test/app.js';
import { snapshotExpectations } from './expectations.js';

/**
 * A national campaign of 3,000 respondents × every competency (~180,000 level rows), made in SQL:
 * the heatmaps and the ranking aggregate in the database, so they answer quickly and with the
 * right totals. (A real national campaign is about seven times larger.)
 */
const t = await startTestApp({}, { history: false });
const admin = await t.as('admin@officina.demo');

const PEOPLE = 3000;

async function nationalCampaign(): Promise<number> {
  const res = await t.db.execute(sql`
    insert into campaigns (title_it, title_en, framework_id, status, anonymous, national, opens_on, closes_on)
    select 'Rilevazione nazionale', 'National survey', id, 'closed', true, true, '2026-03-01', '2026-03-31'
    from competency_frameworks where status = 'published'
    returning id`);
  const id = Number((res as unknown as { rows: { id: number }[] }).rows[0]?.id);
  await snapshotExpectations(t.db, id);
  // Respondents spread over every unit and the profiles that have expected levels.
  await t.db.execute(sql`
    with units as (select id, row_number() over (order by id) - 1 as i, count(*) over () as n from territorial_units),
         profiles as (select job_profile_code as code, row_number() over (order by job_profile_code) - 1 as i,
                             count(*) over () as n
                      from (select distinct job_profile_code from profile_expectations where unit_id is null) p)
    insert into campaign_responses (campaign_id, unit_id, job_profile_code)
    select ${id}, u.id, p.code
    from generate_series(0, ${PEOPLE - 1}) g
    join units u on u.i = g % u.n
    join profiles p on p.i = (g / 7) % p.n`);
  await t.db.execute(sql`
    insert into campaign_response_levels (response_id, competency_id, self_level)
    select r.id, c.id, (abs(hashtext(r.id::text || c.id::text)) % 4)
    from campaign_responses r
    join framework_competencies c on true
    join competency_frameworks f on f.id = c.framework_id and f.status = 'published'
    where r.campaign_id = ${id}`);
  return id;
}

describe('a national campaign', async () => {
  const id = await nationalCampaign();

  it('answers the heatmap and the ranking from the summary, with the right totals', async () => {
    const [{ n } = { n: 0 }] = (
      (await t.db.execute(sql`select count(*)::int as n from campaign_response_levels l
        join campaign_responses r on r.id = l.response_id where r.campaign_id = ${id}`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows;
    expect(n).toBeGreaterThan(100_000);
    const res = await admin.get(apiUrl(r.gaps.heatmap, { id }, { columns: 'competency' }));
    expect(res.statusCode, res.body).toBe(200);
    const h = res.json() as Heatmap;
    const ranking = await admin.get(apiUrl(r.gaps.priorities, { id }, { by: 'competency' }));
    expect(ranking.statusCode).toBe(200);
    expect(h.rowHeads.length).toBeGreaterThan(100);
    expect(h.columnHeads.length).toBe(60);
    // Every unit has ~28 respondents: all published, and the grand total is everyone who has a gap row.
    expect(h.rowHeads.every((x) => !x.tooSmall)).toBe(true);
    expect(h.grandTotal.respondents).toBe(PEOPLE);
    expect((ranking.json() as Priorities).items.length).toBe(20);
  });
});
