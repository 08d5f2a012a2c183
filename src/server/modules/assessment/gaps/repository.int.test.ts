import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import {
  campaignResponses,
  campaigns,
  profileExpectations,
  territorialUnits,
} from '../../../db/schema/index.js';
import { seedDemo } from '../../../db/seed/demo.js';
import { demoCampaignId } from '../../../db/seed/demo-assessment.js';
import { openTestDatabase } from '../../../test/db.js';
import { aggregate } from './aggregate.js';
import { createGapsRepository } from './repository.js';

describe('gap rows of a campaign', async () => {
  const database = await openTestDatabase();
  afterAll(() => database.close());
  const db = database.db;
  await seedDemo(db, { history: true });
  const repo = createGapsRepository();
  const campaignId = (await demoCampaignId(db)) as number;
  const [cuneo] = await db.select().from(territorialUnits).where(eq(territorialUnits.istatCode, '004'));

  it('has one row per answered competency with an expected level, from the demo campaign', async () => {
    expect(campaignId).toBeGreaterThan(0);
    const rows = await repo.personRows(db, { campaignId });
    const responses = await db
      .select()
      .from(campaignResponses)
      .where(eq(campaignResponses.campaignId, campaignId));
    expect(new Set(rows.map((r) => r.personKey)).size).toBe(responses.length);
    for (const r of rows) {
      expect(r.expected).toBeGreaterThanOrEqual(0);
      expect(r.expected).toBeLessThanOrEqual(3);
      expect(r.assessed).toBeGreaterThanOrEqual(0);
      expect(['giuridico-amministrativo', 'tecnologico', 'gestionale']).toContain(r.domain);
    }
    // The demo answers fall short somewhere: there is something to plan for.
    const [all] = aggregate(rows, []);
    expect(all?.totalGap).toBeGreaterThan(0);
  });

  it('reads one unit only when asked, and takes the unit override over the national level', async () => {
    // Open, the campaign follows the expected levels in force (closed, it keeps those of its close).
    await db.update(campaigns).set({ status: 'open' }).where(eq(campaigns.id, campaignId));
    const unitId = cuneo?.id as number;
    const rows = await repo.personRows(db, { campaignId, unitId });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.unitId === unitId)).toBe(true);
    const sample = rows[0];
    if (!sample?.jobProfile) throw new Error('the demo rows carry job profiles');
    const [national] = await db
      .select()
      .from(profileExpectations)
      .where(
        and(
          eq(profileExpectations.jobProfileCode, sample.jobProfile),
          eq(profileExpectations.competencyCode, sample.competency),
          isNull(profileExpectations.unitId),
        ),
      );
    expect(sample.expected).toBe(national?.level);
    const override = national?.level === 3 ? 1 : 3;
    await db.insert(profileExpectations).values({
      jobProfileCode: sample.jobProfile,
      competencyCode: sample.competency,
      unitId,
      level: override,
    });
    const after = await repo.personRows(db, { campaignId, unitId });
    const same = after.filter(
      (r) => r.jobProfile === sample.jobProfile && r.competency === sample.competency,
    );
    expect(same.length).toBeGreaterThan(0);
    expect(same.every((r) => r.expected === override)).toBe(true);
    // Another unit keeps the national level.
    const elsewhere = (await repo.personRows(db, { campaignId })).filter(
      (r) => r.unitId !== unitId && r.jobProfile === sample.jobProfile && r.competency === sample.competency,
    );
    expect(elsewhere.every((r) => r.expected === national?.level)).toBe(true);
    // Closed again: the levels frozen when it closed, without the override.
    await db.update(campaigns).set({ status: 'closed' }).where(eq(campaigns.id, campaignId));
    const frozen = (await repo.personRows(db, { campaignId, unitId })).filter(
      (r) => r.jobProfile === sample.jobProfile && r.competency === sample.competency,
    );
    expect(frozen.every((r) => r.expected === national?.level)).toBe(true);
  });
});
