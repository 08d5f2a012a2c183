import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { GapGrain } from '../../../../common/assessment.js';
import {
  campaignResponseLevels,
  campaignResponses,
  campaigns,
  profileExpectations,
  territorialUnits,
} from '../../../db/schema/index.js';
import { seedDemo } from '../../../db/seed/demo.js';
import { demoCampaignId } from '../../../db/seed/demo-assessment.js';
import { seedNationalCampaign } from '../../../db/seed/national-campaign.js';
import { openTestDatabase } from '../../../test/db.js';
import { aggregate, type Dimension } from './aggregate.js';
import { createGapsRepository } from './repository.js';
import { createSummaryRepository, type SummaryDimension } from './summary-repository.js';

const GROUPINGS: { grain: GapGrain; by: SummaryDimension[] }[] = [
  { grain: 'domain', by: ['unit'] },
  { grain: 'area', by: ['unit'] },
  { grain: 'competency', by: ['unit', 'jobProfile'] },
  { grain: 'domain', by: ['region'] },
  { grain: 'competency', by: [] },
  { grain: 'all', by: ['unit'] },
  { grain: 'all', by: [] },
  { grain: 'area', by: ['jobProfile'] },
];
const dims = (g: { grain: GapGrain; by: SummaryDimension[] }): Dimension[] => [
  ...g.by,
  ...(g.grain === 'all' ? [] : [g.grain]),
];
const rounded = (cells: { priority: number; meanGap: number; shareAffected: number }[]) =>
  cells.map((c) => ({
    ...c,
    priority: Number(c.priority.toFixed(9)),
    meanGap: Number(c.meanGap.toFixed(9)),
    shareAffected: Number(c.shareAffected.toFixed(9)),
  }));

describe('the gap summary of a campaign', async () => {
  const database = await openTestDatabase();
  afterAll(() => database.close());
  const db = database.db;
  await seedDemo(db, { history: true });
  const rows = createGapsRepository();
  const summary = createSummaryRepository();
  const demo = (await demoCampaignId(db)) as number;
  const national = await seedNationalCampaign(db, { respondents: 400, tag: 'summary' });

  it.each([
    ['the demo campaign', () => demo],
    ['a national campaign', () => national],
  ])('sums to what aggregate() computes from the raw rows, for %s', async (_, id) => {
    const campaignId = id();
    expect(await summary.refresh(db, campaignId)).toBeGreaterThan(0);
    const raw = await rows.personRows(db, { campaignId });
    for (const g of GROUPINGS) {
      const fromSummary = await summary.cells(db, { campaignId, ...g });
      expect(rounded(fromSummary), `${g.grain} by ${g.by.join('+')}`).toEqual(
        rounded(aggregate(raw, dims(g))),
      );
    }
    const [cuneo] = await db.select().from(territorialUnits).where(eq(territorialUnits.istatCode, '004'));
    const unitId = cuneo?.id as number;
    const one = await summary.cells(db, {
      campaignId,
      grain: 'competency',
      by: ['jobProfile'],
      unitIds: [unitId],
    });
    expect(rounded(one)).toEqual(
      rounded(aggregate(await rows.personRows(db, { campaignId, unitId }), ['jobProfile', 'competency'])),
    );
  });

  it('refreshes only what changed: a unit with a new answer, everything when expected levels change', async () => {
    expect(await summary.refresh(db, demo)).toBe(0);
    const [response] = await db
      .select()
      .from(campaignResponses)
      .where(eq(campaignResponses.campaignId, demo));
    if (!response?.unitId) throw new Error('the demo has responses');
    // A manager's level counts instead of the self-assessment.
    const [level] = await db
      .select()
      .from(campaignResponseLevels)
      .where(eq(campaignResponseLevels.responseId, response.id));
    const [copy] = await db
      .insert(campaignResponses)
      .values({ campaignId: demo, unitId: response.unitId, jobProfileCode: response.jobProfileCode })
      .returning();
    await db.insert(campaignResponseLevels).values({
      responseId: copy?.id as string,
      competencyId: level?.competencyId as number,
      selfLevel: 3,
      managerLevel: 0,
    });
    expect(await summary.refresh(db, demo)).toBe(1);
    const after = await summary.cells(db, { campaignId: demo, grain: 'all', by: ['unit'] });
    expect(rounded(after)).toEqual(
      rounded(aggregate(await rows.personRows(db, { campaignId: demo }), ['unit'])),
    );

    // The demo campaign is closed: new expected levels leave it as it was.
    const closed = await summary.cells(db, { campaignId: demo, grain: 'domain', by: ['unit'] });
    await db
      .update(profileExpectations)
      .set({ level: 3 })
      .where(
        and(
          eq(profileExpectations.jobProfileCode, response.jobProfileCode as string),
          isNull(profileExpectations.unitId),
        ),
      );
    expect(await summary.refresh(db, demo)).toBe(0);
    expect(await summary.cells(db, { campaignId: demo, grain: 'domain', by: ['unit'] })).toEqual(closed);
    // Open, it follows them: every unit is recomputed.
    await db.update(campaigns).set({ status: 'open' }).where(eq(campaigns.id, demo));
    expect(await summary.refresh(db, demo)).toBe(3);
    const changed = await summary.cells(db, { campaignId: demo, grain: 'domain', by: ['unit'] });
    expect(rounded(changed)).toEqual(
      rounded(aggregate(await rows.personRows(db, { campaignId: demo }), ['unit', 'domain'])),
    );
    expect(changed).not.toEqual(closed);
    await db.update(campaigns).set({ status: 'closed' }).where(eq(campaigns.id, demo));
  });

  it('gives the national campaign random response ids, unrelated to its participants', async () => {
    const linked = await db.execute(sql`
      select count(*)::int as n from campaign_responses r join campaign_participants p
        on p.campaign_id = r.campaign_id and r.id = md5('summary' || p.id)::uuid
      where r.campaign_id = ${national}`);
    expect((linked as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
    expect(await db.$count(campaignResponses, eq(campaignResponses.campaignId, national))).toBe(400);
  });
});
