import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { namesCompetency } from '../../../../common/framework.js';
import type { Db } from '../../../db/client.js';
import { competencyFrameworks, frameworkCompetencies, pathCompetencies } from '../../../db/schema/index.js';
import { pathCompetencyTexts } from '../../../db/training-paths.js';

/**
 * The links from training paths to competencies (`path_competencies`). Links to a retired version's
 * competencies are kept as history; what is shown and edited are the links into the published version.
 */
export function createLinksRepository() {
  return {
    /** The links of the paths into the published version, with the competency's code and names. */
    async publishedLinks(db: Db, pathIds?: number[]) {
      if (pathIds && !pathIds.length) return [];
      return db
        .select({
          pathId: pathCompetencies.pathId,
          competencyId: pathCompetencies.competencyId,
          text: pathCompetencies.sourceText,
          code: frameworkCompetencies.code,
          nameIt: frameworkCompetencies.nameIt,
          nameEn: frameworkCompetencies.nameEn,
          keywords: frameworkCompetencies.keywords,
        })
        .from(pathCompetencies)
        .innerJoin(frameworkCompetencies, eq(frameworkCompetencies.id, pathCompetencies.competencyId))
        .innerJoin(competencyFrameworks, eq(competencyFrameworks.id, frameworkCompetencies.frameworkId))
        .where(
          and(
            eq(competencyFrameworks.status, 'published'),
            pathIds ? inArray(pathCompetencies.pathId, pathIds) : undefined,
          ),
        )
        .orderBy(asc(pathCompetencies.pathId), asc(frameworkCompetencies.code));
    },

    /** Replaces a path's links into the published version. */
    async replacePublished(
      tx: Db,
      pathId: number,
      links: { competencyId: number; text: string | null }[],
      actorId: string | null,
    ) {
      await tx.execute(sql`
        delete from ${pathCompetencies} pc using ${frameworkCompetencies} c, ${competencyFrameworks} f
        where pc.path_id = ${pathId} and c.id = pc.competency_id and f.id = c.framework_id
          and f.status = 'published'`);
      if (links.length)
        await tx.insert(pathCompetencies).values(
          links.map((l) => ({
            pathId,
            competencyId: l.competencyId,
            sourceText: l.text,
            createdBy: actorId,
          })),
        );
    },

    /**
     * Carries the links into version `from` over to the competencies with the same code in version
     * `to`; answers the links that found no such competency (they stay on `from`, as history).
     */
    async carryOver(tx: Db, from: number, to: number) {
      const carried = await tx.execute(sql`
        insert into ${pathCompetencies} (path_id, competency_id, source_text, created_at, created_by)
        select pc.path_id, n.id, pc.source_text, pc.created_at, pc.created_by
        from ${pathCompetencies} pc
        join ${frameworkCompetencies} o on o.id = pc.competency_id and o.framework_id = ${from}
        join ${frameworkCompetencies} n on n.framework_id = ${to} and lower(n.code) = lower(o.code)
        on conflict do nothing`);
      const lost = await tx
        .select({ pathId: pathCompetencies.pathId, code: frameworkCompetencies.code })
        .from(pathCompetencies)
        .innerJoin(frameworkCompetencies, eq(frameworkCompetencies.id, pathCompetencies.competencyId))
        .where(
          and(
            eq(frameworkCompetencies.frameworkId, from),
            sql`not exists (select 1 from ${frameworkCompetencies} n
              where n.framework_id = ${to} and lower(n.code) = lower(${frameworkCompetencies.code}))`,
          ),
        );
      return { carried: affected(carried), lost };
    },

    /**
     * Links every path's free-text competencies to the published competencies they name (name or
     * keyword, case and accents aside; see `namesCompetency`). Run once, when the default framework
     * is loaded (every path) and when the demo paths are (those); it adds what is missing and removes
     * nothing, so links an admin removed later are not brought back by a later run.
     */
    async linkByText(tx: Db, pathIds?: number[]) {
      const [competencies, paths] = await Promise.all([
        tx
          .select({
            id: frameworkCompetencies.id,
            nameIt: frameworkCompetencies.nameIt,
            nameEn: frameworkCompetencies.nameEn,
            keywords: frameworkCompetencies.keywords,
          })
          .from(frameworkCompetencies)
          .innerJoin(competencyFrameworks, eq(competencyFrameworks.id, frameworkCompetencies.frameworkId))
          .where(eq(competencyFrameworks.status, 'published'))
          .orderBy(asc(frameworkCompetencies.position), asc(frameworkCompetencies.id)),
        pathCompetencyTexts(tx),
      ]);
      const chosen = pathIds ? paths.filter((p) => pathIds.includes(p.id)) : paths;
      const rows: { pathId: number; competencyId: number; sourceText: string }[] = [];
      for (const p of chosen)
        for (const text of p.competencies)
          for (const c of competencies)
            if (namesCompetency(text, { name: { it: c.nameIt, en: c.nameEn }, keywords: c.keywords }))
              rows.push({ pathId: p.id, competencyId: c.id, sourceText: text });
      if (!rows.length) return 0;
      const inserted = await tx
        .insert(pathCompetencies)
        .values(rows)
        .onConflictDoNothing()
        .returning({ pathId: pathCompetencies.pathId });
      return inserted.length;
    },
  };
}

/** Rows touched by a raw statement, from either driver. */
function affected(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}

export type LinksRepository = ReturnType<typeof createLinksRepository>;
