import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';

/**
 * The expected levels a campaign's answers are judged against, as a derived table
 * `(job_profile_code, competency_code, unit_id, level)` where unit_id 0 is the national level and any
 * other id that unit's override. A closed campaign is judged against the copy taken when it closed
 * (`campaign_expectations`), so later edits cannot change its figures nor reveal a level by
 * difference; an open one against the levels in force (`profile_expectations`). The choice is made
 * in the same statement that reads, so a campaign closing meanwhile is read one way or the other.
 */
export function expectationsOf(campaignId: number): SQL {
  const closed = sql`exists (select 1 from campaigns x where x.id = ${campaignId} and x.status = 'closed')`;
  return sql`(
    select ce.job_profile_code, ce.competency_code, ce.unit_id, ce.level
    from campaign_expectations ce where ce.campaign_id = ${campaignId} and ${closed}
    union all
    select pe.job_profile_code, pe.competency_code, coalesce(pe.unit_id, 0), pe.level
    from profile_expectations pe where not ${closed}
  )`;
}

/**
 * Freezes the expected levels of a campaign as they are now (on close): one statement, and again
 * harmless: a campaign that has its copy keeps it, untouched.
 */
export async function snapshotExpectations(db: Db, campaignId: number): Promise<void> {
  await db.execute(sql`
    insert into campaign_expectations (campaign_id, job_profile_code, competency_code, unit_id, level)
    select ${campaignId}::int, job_profile_code, competency_code, coalesce(unit_id, 0), level
    from profile_expectations
    where not exists (select 1 from campaign_expectations done where done.campaign_id = ${campaignId})
    on conflict do nothing`);
}
