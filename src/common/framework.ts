import { z } from 'zod';
import { pageQuery } from './api.js';
import { LEVELS } from './catalogue.js';
import { dbId, text } from './primitives.js';

/**
 * The competency framework (quadro delle competenze): versioned domains → areas → competencies with
 * three level descriptions. `frameworkFile` is the one shape of the seed file
 * (src/server/db/seed-data/competency-framework.json), of a JSON import and of a JSON export; the tree
 * the API answers is built from the same pieces with ids added.
 */

/** draft: being edited; published: the one in force (at most one); retired: in force before, kept as is. */
export const FRAMEWORK_STATUSES = ['draft', 'published', 'retired'] as const;
export type FrameworkStatus = (typeof FRAMEWORK_STATUSES)[number];
/** The levels a competency is described at: the catalogue's path levels. */
export const COMPETENCY_LEVELS = LEVELS;

export const bilingual = (max: number) => z.object({ it: text(max).min(1), en: text(max).min(1) });
export type BilingualText = { it: string; en: string };

/** Codes of areas and competencies: letters and digits, joined by '.', '_' or '-' (e.g. GA.01). */
export const frameworkCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$/, 'letters and digits joined by . _ or -');
export const versionLabel = text(40).min(1);
/** A keyword: no ';', which separates keywords in the CSV format. */
export const keyword = text(100)
  .min(1)
  .regex(/^[^;]*$/, 'no semicolons');

export const competencyContent = z.object({
  code: frameworkCode,
  name: bilingual(200),
  description: bilingual(4000),
  keywords: z.array(keyword).max(50),
  levels: z.object({ base: bilingual(2000), intermedio: bilingual(2000), avanzato: bilingual(2000) }),
});
export type CompetencyContent = z.infer<typeof competencyContent>;

export const areaContent = z.object({
  code: frameworkCode,
  name: bilingual(200),
  competencies: z.array(competencyContent).max(500),
});

export const frameworkFile = z.object({
  version: versionLabel,
  title: bilingual(200),
  source: bilingual(1000),
  domains: z
    .array(z.object({ code: z.string().trim().min(1).max(60), areas: z.array(areaContent).max(200) }))
    .max(20),
});
export type FrameworkFile = z.infer<typeof frameworkFile>;

// ---- What the API answers ----------------------------------------------------------------------

export const frameworkSummary = z.object({
  id: z.number().int(),
  version: z.string(),
  title: bilingual(200),
  source: bilingual(1000),
  status: z.enum(FRAMEWORK_STATUSES),
  publishedAt: z.string().nullable(),
  retiredAt: z.string().nullable(),
  createdAt: z.string(),
  /** The version this one was copied from, if any. */
  basedOnId: z.number().int().nullable(),
  areas: z.number().int(),
  competencies: z.number().int(),
});
export type FrameworkSummary = z.infer<typeof frameworkSummary>;

export const frameworkCompetency = competencyContent.extend({
  id: z.number().int(),
  areaId: z.number().int(),
  position: z.number().int(),
});
export type FrameworkCompetency = z.infer<typeof frameworkCompetency>;
export const frameworkArea = areaContent.extend({
  id: z.number().int(),
  domainCode: z.string(),
  position: z.number().int(),
  competencies: z.array(frameworkCompetency),
});
export type FrameworkArea = z.infer<typeof frameworkArea>;
export const frameworkTree = frameworkSummary.extend({
  domains: z.array(z.object({ code: z.string(), name: bilingual(200), areas: z.array(frameworkArea) })),
});
export type FrameworkTree = z.infer<typeof frameworkTree>;
export const frameworkList = z.object({ items: z.array(frameworkSummary) });

// ---- What a national admin sends ---------------------------------------------------------------

/** A new draft, copied from the version in force; the label is proposed when left out. */
export const draftCreateInput = z.object({ version: versionLabel.optional() });
export const draftUpdateInput = z
  .object({ version: versionLabel, title: bilingual(200), source: bilingual(1000) })
  .partial();
export const areaInput = z.object({
  domainCode: z.string().trim().min(1).max(60),
  code: frameworkCode,
  name: bilingual(200),
});
export const areaUpdateInput = areaInput.partial();
export const competencyInput = competencyContent.extend({
  areaId: dbId,
  keywords: z.array(keyword).max(50).default([]),
});
export const competencyUpdateInput = competencyContent.partial().extend({ areaId: dbId.optional() });
/** The whole order of a draft: every area once (in order), each with every one of its competencies (in order). */
export const frameworkOrderInput = z.object({
  areas: z.array(z.object({ id: dbId, competencyIds: z.array(dbId).max(500) })).max(200),
});
export const frameworkImportQuery = z.object({ version: versionLabel.optional() });

// ---- Links from training paths -----------------------------------------------------------------

export const pathCompetencyLink = z.object({
  competencyId: z.number().int(),
  code: z.string(),
  name: bilingual(200),
  /** The path's free-text competency the link stands for, when known. */
  text: z.string().nullable(),
});
export const pathCompetencies = z.object({
  pathId: z.number().int(),
  slug: z.string(),
  title: z.string(),
  status: z.string(),
  /** The catalogue's free-text competencies of the path. */
  competencies: z.array(z.string()),
  links: z.array(pathCompetencyLink),
  /** Free-text competencies no link stands for ("da mappare"). */
  unmapped: z.array(z.string()),
});
export type PathCompetencies = z.infer<typeof pathCompetencies>;
export const pathCompetenciesQuery = pageQuery.extend({
  /** Only the paths with something left to map. */
  unmapped: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: text(200).optional(),
});
export const pathLinksInput = z.object({
  links: z.array(z.object({ competencyId: dbId, text: text(200).min(1).nullable().default(null) })).max(100),
});

// ---- Matching free text ------------------------------------------------------------------------

/** The form free text is compared in: no accents, lower case, words of letters and digits. */
export function matchKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * True when a path's free-text competency names the competency: equal to its Italian or English name
 * or to one of its keywords, ignoring case, accents and punctuation. Not a substring match: "CAM"
 * must not match "Cambiamento organizzativo".
 */
export function namesCompetency(
  freeText: string,
  c: { name: BilingualText; keywords: readonly string[] },
): boolean {
  const key = matchKey(freeText);
  if (!key) return false;
  return [c.name.it, c.name.en, ...c.keywords].some((k) => matchKey(k) === key);
}
