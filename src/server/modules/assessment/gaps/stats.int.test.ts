import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { campaignResponseLevels, campaignResponses } from '../../../db/schema/index.js';
import { seedDemo } from '../../../db/seed/demo.js';
import { demoCampaignId } from '../../../db/seed/demo-assessment.js';
import { openTestDatabase } from '../../../test/db.js';
import { aggregate, type Dimension } from './aggregate.js';
import { createLookupRepository } from './lookup-repository.js';
import { createGapsRepository } from './repository.js';
import { createGapsService } from './service.js';
import { createStatsRepository } from './stats-repository.js';

/** The SQL aggregation must give the very cells of the pure aggregate() on the same rows. */
describe('gap statistics aggregated in SQL', async () => {
  const database = await openTestDatabase();
  afterAll(() => database.close());
  const db = database.db;
  await seedDemo(db, { history: true });
  const campaignId = (await demoCampaignId(db)) as number;
  const rows = await createGapsRepository().personRows(db, { campaignId });
  const stats = createStatsRepository();
  await stats.refresh(db, campaignId);

  const groupings: Dimension[][] = [
    [],
    ['unit'],
    ['unit', 'domain'],
    ['unit', 'area'],
    ['unit', 'jobProfile', 'competency'],
    ['region', 'domain'],
    ['jobProfile', 'area'],
    ['competency'],
  ];

  it('equals aggregate() on every grouping, cell by cell and number by number', async () => {
    expect(rows.length).toBeGreaterThan(100);
    const sets = await stats.groups(db, { campaignId }, groupings);
    groupings.forEach((by, i) => {
      const expected = aggregate(rows, by).map((c) => ({
        key: c.key,
        respondents: c.respondents,
        observations: c.observations,
        totalGap: c.totalGap,
        affected: c.affected,
      }));
      const got = [...(sets[i] ?? [])].sort((a, b) =>
        JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)),
      );
      const want = expected.sort((a, b) => JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)));
      expect(got, by.join(' × ') || 'total').toEqual(want);
    });
  });

  it('filters by units and by job profile like the rows do', async () => {
    const unit = rows[0]?.unitId as number;
    const profile = rows[0]?.jobProfile as string;
    const [cells] = await stats.groups(db, { campaignId, unitIds: [unit], jobProfile: profile }, [
      ['domain'],
    ]);
    const want = aggregate(
      rows.filter((r) => r.unitId === unit && r.jobProfile === profile),
      ['domain'],
    );
    expect(cells?.map((c) => [c.key.domain, c.respondents, c.totalGap, c.affected])).toEqual(
      want.map((c) => [c.key.domain, c.respondents, c.totalGap, c.affected]),
    );
    const [none] = await stats.groups(db, { campaignId, unitIds: [] }, [[]]);
    expect(none).toEqual([]);
  });

  it('reads the summary as it is: a new answer counts after a refresh, not before', async () => {
    const [before] = await stats.groups(db, { campaignId }, [[]]);
    const [one] = await db
      .select()
      .from(campaignResponses)
      .where(eq(campaignResponses.campaignId, campaignId));
    const [level] = await db
      .select()
      .from(campaignResponseLevels)
      .where(eq(campaignResponseLevels.responseId, one?.id as string));
    const [copy] = await db
      .insert(campaignResponses)
      .values({ campaignId, unitId: one?.unitId, jobProfileCode: one?.jobProfileCode })
      .returning();
    await db
      .insert(campaignResponseLevels)
      .values({ responseId: copy?.id as string, competencyId: level?.competencyId as number, selfLevel: 0 });
    expect(await stats.groups(db, { campaignId }, [[]])).toEqual([before]);
    await stats.refresh(db, campaignId);
    const [after] = await stats.groups(db, { campaignId }, [[]]);
    expect(after?.[0]?.respondents).toBe((before?.[0]?.respondents ?? 0) + 1);
  });

  it('refreshes once per heatmap or ranking, however many groupings it reads', async () => {
    const counted = createStatsRepository();
    const refresh = vi.spyOn(counted, 'refresh');
    const groups = vi.spyOn(counted, 'groups');
    const gaps = createGapsService({ db, stats: counted, lookup: createLookupRepository() });
    const ctx = {
      actor: {
        id: 'x',
        email: 'x@x',
        name: 'x',
        unitId: null,
        grants: [{ id: 1, role: 'national_admin' as const, unitId: null, unitName: null }],
      },
      ip: null,
      requestId: null,
      lang: 'it' as const,
    };
    await gaps.heatmap(ctx, campaignId, {
      rows: 'region',
      columns: 'area',
      jobProfile: undefined,
      unit: undefined,
    });
    expect(groups.mock.calls.length).toBeGreaterThan(2);
    expect(refresh).toHaveBeenCalledTimes(1);
    await gaps.priorities(ctx, campaignId, { by: 'competency', limit: 20 });
    expect(refresh).toHaveBeenCalledTimes(2);
  });
});
