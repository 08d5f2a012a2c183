import type { FrameworkFile, FrameworkSummary, FrameworkTree } from '../../../../common/framework.js';
import type { AreaRow, CompetencyRow, FrameworkRow } from './repository.js';

/** The API's view of a version row. */
export function toSummary(
  f: FrameworkRow,
  counts: { areas: number; competencies: number },
): FrameworkSummary {
  return {
    id: f.id,
    version: f.version,
    title: { it: f.titleIt, en: f.titleEn },
    source: { it: f.sourceIt, en: f.sourceEn },
    status: f.status,
    publishedAt: f.publishedAt?.toISOString() ?? null,
    retiredAt: f.retiredAt?.toISOString() ?? null,
    createdAt: f.createdAt.toISOString(),
    basedOnId: f.basedOnId,
    ...counts,
  };
}

/**
 * A version as a tree: domains in the order of their first area, areas by position, competencies by
 * position within their area.
 */
export function toTree(
  f: FrameworkRow,
  areas: AreaRow[],
  competencies: CompetencyRow[],
  domainNames: { code: string; nameIt: string; nameEn: string }[],
): FrameworkTree {
  const byArea = new Map<number, CompetencyRow[]>();
  for (const c of competencies) byArea.set(c.areaId, [...(byArea.get(c.areaId) ?? []), c]);
  const domains = new Map<string, FrameworkTree['domains'][number]>();
  for (const a of areas) {
    let d = domains.get(a.domainCode);
    if (!d) {
      const names = domainNames.find((n) => n.code === a.domainCode);
      d = {
        code: a.domainCode,
        name: { it: names?.nameIt ?? a.domainCode, en: names?.nameEn ?? a.domainCode },
        areas: [],
      };
      domains.set(a.domainCode, d);
    }
    d.areas.push({
      id: a.id,
      domainCode: a.domainCode,
      code: a.code,
      name: { it: a.nameIt, en: a.nameEn },
      position: a.position,
      competencies: (byArea.get(a.id) ?? []).map((c) => ({
        id: c.id,
        areaId: c.areaId,
        code: c.code,
        name: { it: c.nameIt, en: c.nameEn },
        description: { it: c.descriptionIt, en: c.descriptionEn },
        keywords: c.keywords,
        levels: {
          base: { it: c.levelBaseIt, en: c.levelBaseEn },
          intermedio: { it: c.levelIntermedioIt, en: c.levelIntermedioEn },
          avanzato: { it: c.levelAvanzatoIt, en: c.levelAvanzatoEn },
        },
        position: c.position,
      })),
    });
  }
  return {
    ...toSummary(f, { areas: areas.length, competencies: competencies.length }),
    domains: [...domains.values()],
  };
}

/** The file shape of a version (its JSON export). */
export function toFile(tree: FrameworkTree): FrameworkFile {
  return {
    version: tree.version,
    title: tree.title,
    source: tree.source,
    domains: tree.domains.map((d) => ({
      code: d.code,
      areas: d.areas.map((a) => ({
        code: a.code,
        name: a.name,
        competencies: a.competencies.map((c) => ({
          code: c.code,
          name: c.name,
          description: c.description,
          keywords: c.keywords,
          levels: c.levels,
        })),
      })),
    })),
  };
}

/**
 * A free label for a new version: the base with its last number raised (2026.1 → 2026.2), or ".1"
 * added when it ends in none.
 */
export function proposeVersion(base: string, taken: (label: string) => boolean): string {
  const m = /^(.*?)(\d+)$/.exec(base);
  let prefix = m ? (m[1] as string) : `${base}.`;
  let n = m ? Number(m[2]) + 1 : 1;
  if (prefix.length + String(n).length > 40) {
    prefix = 'v';
    n = 1;
  }
  while (taken(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
