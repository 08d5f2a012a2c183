import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { matchKey, namesCompetency } from '../../../../common/framework.js';
import type { Db } from '../../../db/client.js';
import { competencyFrameworks, frameworkCompetencies, pathCompetencies } from '../../../db/schema/index.js';
import { pathCompetencyTexts } from '../../../db/training-paths.js';

/**
 * The links from training paths to competencies (`path_competencies`). Links to a retired version's
 * competencies are kept as history; what is shown and edited are the links into the published version.
 */
export function createLinksRepository() {
  const repo = {
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
     * The published version's competencies with what free text is matched against, the version row
     * locked for share so a publication cannot retire it while links to it are being made.
     */
    async publishedForMatching(tx: Db): Promise<MatchableCompetency[]> {
      const [published] = await tx
        .select({ id: competencyFrameworks.id })
        .from(competencyFrameworks)
        .where(eq(competencyFrameworks.status, 'published'))
        .for('share');
      if (!published) return [];
      return tx
        .select({
          id: frameworkCompetencies.id,
          nameIt: frameworkCompetencies.nameIt,
          nameEn: frameworkCompetencies.nameEn,
          keywords: frameworkCompetencies.keywords,
        })
        .from(frameworkCompetencies)
        .where(eq(frameworkCompetencies.frameworkId, published.id))
        .orderBy(asc(frameworkCompetencies.position), asc(frameworkCompetencies.id));
    },

    /** Adds links (those already there are left as they are); answers the competencies newly linked. */
    async addLinks(tx: Db, rows: TextLink[]) {
      if (!rows.length) return [];
      return tx
        .insert(pathCompetencies)
        .values(rows)
        .onConflictDoNothing()
        .returning({ pathId: pathCompetencies.pathId, competencyId: pathCompetencies.competencyId });
    },

    /**
     * Removes a path's links into the published version that were made from one of `texts` (compared
     * as `matchKey`s); links made without a text, or from another text, stay.
     */
    async removeBySourceText(tx: Db, pathId: number, keys: readonly string[]) {
      if (!keys.length) return [];
      const links = await repo.publishedLinks(tx, [pathId]);
      const gone = links.filter((l) => l.text !== null && keys.includes(matchKey(l.text)));
      if (!gone.length) return [];
      await tx.delete(pathCompetencies).where(
        and(
          eq(pathCompetencies.pathId, pathId),
          inArray(
            pathCompetencies.competencyId,
            gone.map((l) => l.competencyId),
          ),
        ),
      );
      return gone;
    },

    /**
     * Links every path's free-text competencies to the published competencies they name (name or
     * keyword, case and accents aside; see `namesCompetency`). Run once, when the default framework
     * is loaded (every path) and when the demo paths are (those); it adds what is missing and removes
     * nothing, so links an admin removed later are not brought back by a later run.
     */
    async linkByText(tx: Db, pathIds?: number[]) {
      const [competencies, paths] = await Promise.all([
        repo.publishedForMatching(tx),
        pathCompetencyTexts(tx),
      ]);
      const chosen = pathIds ? paths.filter((p) => pathIds.includes(p.id)) : paths;
      const rows = chosen.flatMap((p) => textLinks(p.id, p.competencies, competencies));
      return (await repo.addLinks(tx, rows)).length;
    },
  };
  return repo;
}

export type MatchableCompetency = { id: number; nameIt: string; nameEn: string; keywords: string[] };
export type TextLink = { pathId: number; competencyId: number; sourceText: string };

/**
 * The links a path's free-text competencies call for: each text to every competency it names (see
 * `namesCompetency`). The one matching rule of the seed, the demo and a path's creation or change.
 */
export function textLinks(
  pathId: number,
  texts: readonly string[],
  competencies: readonly MatchableCompetency[],
): TextLink[] {
  const rows: TextLink[] = [];
  for (const text of texts)
    for (const c of competencies)
      if (namesCompetency(text, { name: { it: c.nameIt, en: c.nameEn }, keywords: c.keywords }))
        rows.push({ pathId, competencyId: c.id, sourceText: text });
  return rows;
}

/** Rows touched by a raw statement, from either driver. */
function affected(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}

export type LinksRepository = ReturnType<typeof createLinksRepository>;
