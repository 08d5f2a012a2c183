import { z } from 'zod';
import { MAX_LEVEL, MIN_LEVEL } from './assessment.js';
import { bilingual, frameworkCode } from './framework.js';
import { dbIdParam } from './primitives.js';

/**
 * Expected levels per job profile (profili professionali): the national level an admin sets for each
 * competency of the published framework, and a unit's override for its own restructuring plan. Levels
 * are keyed by the competency's code, which stays the same across framework versions.
 */

/** A job profile's code: lower-case letters and digits joined by '-' (e.g. funzionario-tecnico). */
export const jobProfileCode = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters and digits joined by -');

/** A level on the 0..3 scale: 0 none, 1 base, 2 intermedio, 3 avanzato. */
export const expectedLevel = z.number().int().min(MIN_LEVEL).max(MAX_LEVEL);

export const profileParams = z.object({ code: jobProfileCode });
/** `unit`: read or write that unit's overrides; without it, the national levels. */
export const expectationsQuery = z.object({ unit: dbIdParam.optional() });

// ---- What the API answers ----------------------------------------------------------------------

export const expectationCompetency = z.object({
  code: z.string(),
  name: bilingual(200),
  description: bilingual(4000),
  levels: z.object({ base: bilingual(2000), intermedio: bilingual(2000), avanzato: bilingual(2000) }),
  /** The national level, or null when none is set. */
  national: expectedLevel.nullable(),
  /** The unit's override (only when a unit is asked for), or null. */
  override: expectedLevel.nullable(),
  /** What gaps are measured against: the override, else the national level. */
  effective: expectedLevel.nullable(),
});
export type ExpectationCompetency = z.infer<typeof expectationCompetency>;

/** A level kept for a code the published framework no longer has: shown so an admin can clean it. */
export const orphanLevel = z.object({
  competencyCode: z.string(),
  unitId: z.number().int().nullable(),
  level: expectedLevel,
});

export const profileExpectationsView = z.object({
  jobProfile: z.object({ code: z.string(), name: bilingual(200) }),
  framework: z.object({ id: z.number().int(), version: z.string() }).nullable(),
  unit: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** What the caller may change here. */
  canEditNational: z.boolean(),
  canEditUnit: z.boolean(),
  domains: z.array(
    z.object({
      code: z.string(),
      name: bilingual(200),
      areas: z.array(
        z.object({ code: z.string(), name: bilingual(200), competencies: z.array(expectationCompetency) }),
      ),
    }),
  ),
  orphans: z.array(orphanLevel),
});
export type ProfileExpectationsView = z.infer<typeof profileExpectationsView>;

export const jobProfileSummary = z.object({
  code: z.string(),
  name: bilingual(200),
  /** Competencies of the published framework with a national level above 0. */
  national: z.number().int(),
  /** The unit's overrides of this profile (when a unit is in view), or null. */
  overrides: z.number().int().nullable(),
});
export const jobProfileList = z.object({
  unit: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  items: z.array(jobProfileSummary),
});
export type JobProfileList = z.infer<typeof jobProfileList>;

export const importReport = z.object({
  /** Levels set or changed, levels removed, rows that changed nothing. */
  set: z.number().int(),
  removed: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportReport = z.infer<typeof importReport>;

// ---- What an admin or a Province officer sends ---------------------------------------------------

export const expectationChange = z.object({
  competencyCode: frameworkCode,
  /** The new level; null removes the level (national) or the override (unit). */
  level: expectedLevel.nullable(),
  /**
   * The level the sender last saw (null: none). When given, the change applies only if the stored
   * level is still that one; otherwise the whole save is refused with 409, so nobody overwrites a
   * colleague's level without seeing it.
   */
  previous: expectedLevel.nullable().optional(),
});
export type ExpectationChange = z.infer<typeof expectationChange>;

export const expectationsInput = z.object({
  levels: z
    .array(expectationChange)
    .min(1)
    .max(1000)
    .refine((l) => new Set(l.map((c) => c.competencyCode.toLowerCase())).size === l.length, {
      message: 'each competency once',
    }),
});
export type ExpectationsInput = z.infer<typeof expectationsInput>;

/** The CSV columns of an export and an import. */
export const PROFILE_CSV_COLUMNS = ['job_profile', 'competency_code', 'level'] as const;
