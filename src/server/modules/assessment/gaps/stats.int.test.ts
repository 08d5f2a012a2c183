import { afterAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../db/seed/demo.js';
import { demoCampaignId } from '../../../db/seed/demo-assessment.js';
import { openTestDatabase } from '../../../test/db.js';
import { aggregate, type Dimension } from './aggregate.js';
import { createGapsRepository } from './repository.js';
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
});
