import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/db.js';
import { auditLog, jobProfiles, profileExpectations } from '../schema/index.js';
import { seedProfileExpectations } from './profile-expectations.js';

const database = await openTestDatabase();
afterAll(database.close);
const { db } = database;

const perProfile = async () =>
  Object.fromEntries(
    (
      await db
        .select({ code: profileExpectations.jobProfileCode, n: sql<number>`count(*)::int` })
        .from(profileExpectations)
        .where(isNull(profileExpectations.unitId))
        .groupBy(profileExpectations.jobProfileCode)
    ).map((r) => [r.code, r.n]),
  );

describe('seedProfileExpectations', () => {
  it('has loaded national levels for every job profile, within 0..3', async () => {
    const counts = await perProfile();
    const profiles = await db.select({ code: jobProfiles.code }).from(jobProfiles);
    expect(profiles.length).toBeGreaterThan(0);
    for (const p of profiles) expect(counts[p.code], p.code).toBeGreaterThan(0);
    const [range] = await db
      .select({ min: sql<number>`min(level)::int`, max: sql<number>`max(level)::int` })
      .from(profileExpectations);
    expect(range?.min).toBeGreaterThanOrEqual(0);
    expect(range?.max).toBeLessThanOrEqual(3);
  });

  it('adds nothing when levels exist, and never overwrites an admin’s level', async () => {
    const before = await perProfile();
    const [one] = await db.select().from(profileExpectations).limit(1);
    if (!one) throw new Error('no level');
    const changed = one.level === 3 ? 1 : 3;
    await db.update(profileExpectations).set({ level: changed }).where(eq(profileExpectations.id, one.id));
    expect(await seedProfileExpectations(db)).toBe(0);
    expect(await perProfile()).toEqual(before);
    const [again] = await db.select().from(profileExpectations).where(eq(profileExpectations.id, one.id));
    expect(again?.level).toBe(changed);
  });

  it('loads the same levels again into an installation with none, audited', async () => {
    const before = await perProfile();
    await db.delete(profileExpectations);
    const total = await seedProfileExpectations(db);
    expect(total).toBe(Object.values(before).reduce((a, b) => a + b, 0));
    expect(await perProfile()).toEqual(before);
    expect(await seedProfileExpectations(db)).toBe(0);
    const seeded = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'profiles.seeded')));
    expect(seeded[0]?.n).toBe(2);
  });
});
