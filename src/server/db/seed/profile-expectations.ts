import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { MAX_LEVEL, MIN_LEVEL } from '../../../common/assessment.js';
import type { Db } from '../client.js';
import {
  auditLog,
  competencyFrameworks,
  frameworkAreas,
  frameworkCompetencies,
  jobProfiles,
  profileExpectations,
} from '../schema/index.js';

// Resolved from the project root so it works from src/ and from dist/ alike.
const FILE = new URL('../../../../src/server/db/seed-data/profile-expectations.json', import.meta.url);

const level = z.number().int().min(MIN_LEVEL).max(MAX_LEVEL);
const fileSchema = z.object({
  note: z.string(),
  profiles: z.record(z.string(), z.record(z.string(), level)),
});

/**
 * Loads the default national expected levels (per job profile and framework area, applied to every
 * competency of the area in the published version) into an installation that has none, so gaps can
 * be computed from the first campaign; never over levels an admin has set.
 */
export async function seedProfileExpectations(db: Db) {
  const file = fileSchema.parse(JSON.parse(readFileSync(FILE, 'utf8')));
  return db.transaction(async (tx) => {
    const [any] = await tx.select({ id: profileExpectations.id }).from(profileExpectations).limit(1);
    if (any) return 0;
    const known = new Set((await tx.select({ code: jobProfiles.code }).from(jobProfiles)).map((p) => p.code));
    const competencies = await tx
      .select({ code: frameworkCompetencies.code, area: frameworkAreas.code })
      .from(frameworkCompetencies)
      .innerJoin(frameworkAreas, eq(frameworkAreas.id, frameworkCompetencies.areaId))
      .innerJoin(
        competencyFrameworks,
        and(
          eq(competencyFrameworks.id, frameworkCompetencies.frameworkId),
          eq(competencyFrameworks.status, 'published'),
        ),
      );
    const rows = Object.entries(file.profiles).flatMap(([profile, areas]) => {
      if (!known.has(profile)) throw new Error(`profile-expectations.json: unknown job profile ${profile}`);
      return competencies.flatMap((c) => {
        const expected = areas[c.area];
        return expected === undefined
          ? []
          : [{ jobProfileCode: profile, competencyCode: c.code, level: expected }];
      });
    });
    if (!rows.length) return 0;
    await tx.insert(profileExpectations).values(rows);
    await tx.insert(auditLog).values({
      action: 'profiles.seeded',
      entityType: 'profile_expectations',
      details: { levels: rows.length, profiles: Object.keys(file.profiles).length },
    });
    const [n] = await tx.select({ n: sql<number>`count(*)::int` }).from(profileExpectations);
    return n?.n ?? 0;
  });
}
