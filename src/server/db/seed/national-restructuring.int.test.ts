import { count, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { planContent } from '../../../common/restructuring.js';
import { openTestDatabase } from '../../test/db.js';
import {
  hiringCapacity,
  reorgPlanVersions,
  taskforceAssignments,
  territorialUnits,
} from '../schema/index.js';
import { seedNationalRestructuring } from './national-restructuring.js';

describe('the national restructuring dataset', async () => {
  const database = await openTestDatabase();
  afterAll(() => database.close());
  const db = database.db;

  it('gives every unit a plan with valid versions, six years of figures and two task force members', async () => {
    const r = await seedNationalRestructuring(db, { versions: 2, interventionsPerUnit: 3 });
    const [units] = await db.select({ n: count() }).from(territorialUnits);
    expect(r).toMatchObject({ units: units?.n, plans: units?.n, versions: 2 * (units?.n ?? 0) });
    const [years] = await db.select({ n: count() }).from(hiringCapacity);
    expect(years?.n).toBe(6 * (units?.n ?? 0));
    const leads = await db.execute(sql`select count(*)::int as n from ${taskforceAssignments} where lead`);
    expect((leads as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(units?.n);
    for (const v of await db.select({ content: reorgPlanVersions.content }).from(reorgPlanVersions).limit(20))
      expect(planContent.safeParse(v.content).success).toBe(true);
  });
});
