import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createGapsRepository } from '../../modules/assessment/gaps/repository.js';
import { openTestDatabase } from '../../test/db.js';
import { campaignParticipants, campaignResponses } from '../schema/index.js';
import { seedNationalCampaign } from './national-campaign.js';

describe('the national campaign of the benchmark dataset', async () => {
  const database = await openTestDatabase();
  afterAll(() => database.close());
  const db = database.db;

  it('gives every respondent a response with levels on the competencies their profile expects', async () => {
    const campaignId = await seedNationalCampaign(db, { respondents: 300, tag: 'test' });
    const responses = await db
      .select()
      .from(campaignResponses)
      .where(eq(campaignResponses.campaignId, campaignId));
    expect(responses).toHaveLength(300);
    expect(responses.every((r) => r.participantId === null)).toBe(true);
    const [{ units } = { units: 0 }] = await db
      .select({ units: sql<number>`count(distinct ${campaignParticipants.unitId})::int` })
      .from(campaignParticipants)
      .where(eq(campaignParticipants.campaignId, campaignId));
    expect(units).toBeGreaterThan(80);
    const rows = await createGapsRepository().personRows(db, { campaignId });
    expect(new Set(rows.map((r) => r.personKey)).size).toBe(300);
    expect(rows.some((r) => r.assessed < r.expected)).toBe(true);
    expect(rows.some((r) => r.assessed > r.expected)).toBe(true);
    expect(rows.every((r) => r.assessed >= 0 && r.assessed <= 3)).toBe(true);
  });

  it('refuses sizes outside 1..200000', async () => {
    await expect(seedNationalCampaign(db, { respondents: 0 })).rejects.toThrow(RangeError);
    await expect(seedNationalCampaign(db, { respondents: 1e9 })).rejects.toThrow(RangeError);
  });
});
