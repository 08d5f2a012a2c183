import { sql } from 'drizzle-orm';
import { snapshotExpectations } from '../../modules/assessment/gaps/index.js';
import type { Db } from '../client.js';

/**
 * A national needs survey at the programme's scale, for the benchmarks: `respondents` staff spread
 * over the units in the programme and the job profiles, a closed anonymous campaign on the published
 * framework (its expected levels frozen, as at any close), and each person's self-assessed level on
 * every competency their profile expects, drawn from a hash of the response's id. Response ids are
 * random, as in the survey itself, so no answer leads back to a participant. Built in SQL, in a few
 * statements, so 20,000 people × ~40 competencies load in seconds. With `people: 'existing'` the
 * respondents are the people already there whose e-mail is `<tag>-…@bench.officina.invalid` (the
 * benchmark dataset's staff), and none is added.
 */
export async function seedNationalCampaign(
  db: Db,
  opts: { respondents: number; tag?: string; people?: 'new' | 'existing' },
) {
  const n = Math.trunc(opts.respondents);
  if (!(n > 0 && n <= 200_000)) throw new RangeError('respondents must be 1..200000');
  const tag = (opts.tag ?? 'bench').replace(/[^a-z0-9-]/g, '');
  return db.transaction(async (tx) => {
    if (opts.people !== 'existing')
      await tx.execute(sql`
      with units as (
        select id, row_number() over (order by id) - 1 as k, count(*) over () as total
        from territorial_units where in_programme
      ), profiles as (
        select code, row_number() over (order by code) - 1 as k, count(*) over () as total
        from job_profiles where active
      )
      insert into users (email, name, unit_id, job_profile_code)
      select ${tag} || '-' || i || '@bench.officina.invalid', 'Persona ' || i, u.id, p.code
      from generate_series(1, ${n}) as i
      join units u on u.k = i % u.total
      join profiles p on p.k = (i / 7) % p.total`);
    const res = await tx.execute<{ id: number }>(sql`
      insert into campaigns (title_it, title_en, framework_id, status, anonymous, national, opens_on, closes_on,
        opened_at, closed_at)
      select 'Rilevazione nazionale ' || ${tag}, 'National survey ' || ${tag}, id, 'closed', true, true,
        '2026-03-02', '2026-04-17', '2026-03-02T08:00:00Z', '2026-04-17T22:00:00Z'
      from competency_frameworks where status = 'published'
      returning id`);
    const campaignId = Number((res as unknown as { rows: { id: number }[] }).rows[0]?.id);
    if (!campaignId) throw new Error('no published framework to survey');
    await tx.execute(sql`
      insert into campaign_participants (campaign_id, user_id, unit_id, job_profile_code, status, submitted_at)
      select ${campaignId}, id, unit_id, job_profile_code, 'submitted', '2026-04-01T10:00:00Z'
      from users where email like ${`${tag}-%@bench.officina.invalid`}
        and unit_id is not null and job_profile_code is not null
      order by id`);
    await tx.execute(sql`
      insert into campaign_responses (id, campaign_id, unit_id, job_profile_code)
      select gen_random_uuid(), ${campaignId}, p.unit_id, p.job_profile_code
      from campaign_participants p where p.campaign_id = ${campaignId} order by random()`);
    await snapshotExpectations(tx, campaignId);
    // Drift from the expected level in -2..+1, weighted towards 0 and -1, from a hash of response × competency.
    await tx.execute(sql`
      insert into campaign_response_levels (response_id, competency_id, self_level)
      select r.id, c.id,
        greatest(0, least(3, e.level + (array[-2, -1, -1, -1, 0, 0, 0, 1])[1 + (abs(hashtext(r.id::text || c.code)) % 8)]))
      from campaign_responses r
      join profile_expectations e on e.job_profile_code = r.job_profile_code and e.unit_id is null
      join framework_competencies c on c.code = e.competency_code
      join competency_frameworks f on f.id = c.framework_id and f.status = 'published'
      where r.campaign_id = ${campaignId}`);
    return campaignId;
  });
}
