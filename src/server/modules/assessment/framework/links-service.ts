import type { z } from 'zod';
import {
  matchKey,
  namesCompetency,
  type PathCompetencies,
  type pathCompetenciesQuery,
  type pathLinksInput,
} from '../../../../common/framework.js';
import type { Db } from '../../../db/client.js';
import { type PathCompetencyTexts, pathCompetencyTexts } from '../../../db/training-paths.js';
import { errors } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import type { AuditService } from '../../platform/audit/index.js';
import { type LinksRepository, textLinks } from './links-repository.js';
import { PATH } from './messages.js';
import { canManageFramework } from './policy.js';
import type { FrameworkRepository } from './repository.js';

type Link = Awaited<ReturnType<LinksRepository['publishedLinks']>>[number];

/**
 * The free-text competencies of a path that no link stands for: a text is covered by a link made
 * from it (its source text) or by a linked competency it names (name or keyword).
 */
export function unmappedTexts(texts: readonly string[], links: readonly Link[]): string[] {
  return texts.filter(
    (t) =>
      !links.some(
        (l) =>
          (l.text !== null && matchKey(l.text) === matchKey(t)) ||
          namesCompetency(t, { name: { it: l.nameIt, en: l.nameEn }, keywords: l.keywords }),
      ),
  );
}

function view(p: PathCompetencyTexts, links: Link[]): PathCompetencies {
  return {
    pathId: p.id,
    slug: p.slug,
    title: p.title,
    status: p.status,
    competencies: p.competencies,
    links: links.map((l) => ({
      competencyId: l.competencyId,
      code: l.code,
      name: { it: l.nameIt, en: l.nameEn },
      text: l.text,
    })),
    unmapped: unmappedTexts(p.competencies, links),
  };
}

/**
 * The catalogue's paths against the published framework: their links, the free-text competencies
 * still to map ("da mappare"), and the admin's mapping by hand. The catalogue knows nothing of this:
 * its paths are read through db/training-paths.ts.
 */
export function createPathLinksService(deps: {
  db: Db;
  repo: FrameworkRepository;
  links: LinksRepository;
  audit: AuditService;
}) {
  const { db, links, audit } = deps;

  async function viewOf(tx: Db, pathId: number) {
    const [path] = await pathCompetencyTexts(tx, { id: pathId });
    if (!path) throw errors.notFound(PATH);
    return view(path, await links.publishedLinks(tx, [pathId]));
  }

  return {
    async list(ctx: RequestContext, q: z.infer<typeof pathCompetenciesQuery>) {
      if (!canManageFramework(ctx.actor)) throw errors.forbidden();
      const paths = await pathCompetencyTexts(db, { q: q.q });
      const all = await links.publishedLinks(db);
      const byPath = new Map<number, Link[]>();
      for (const l of all) byPath.set(l.pathId, [...(byPath.get(l.pathId) ?? []), l]);
      const views = paths
        .map((p) => view(p, byPath.get(p.id) ?? []))
        .filter((v) => !q.unmapped || v.unmapped.length > 0);
      return {
        items: views.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
        total: views.length,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    get: async (ctx: RequestContext, pathId: number) => {
      if (!canManageFramework(ctx.actor)) throw errors.forbidden();
      return viewOf(db, pathId);
    },

    /**
     * After a path was created or its free text changed (the catalogue's `path.competenciesChanged`,
     * inside its transaction): links the new texts as the seed does, unlinks the removed ones.
     */
    async followText(tx: Db, ctx: RequestContext, pathId: number, previous: readonly string[]) {
      const [path] = await pathCompetencyTexts(tx, { id: pathId });
      if (!path) return;
      const { added, removedKeys } = textChanges(previous, path.competencies);
      const removed = await links.removeBySourceText(tx, pathId, removedKeys);
      const competencies = added.length ? await links.publishedForMatching(tx) : [];
      const inserted = await links.addLinks(tx, textLinks(pathId, added, competencies));
      if (!removed.length && !inserted.length) return;
      const after = await links.publishedLinks(tx, [pathId]);
      const fresh = new Set(inserted.map((l) => l.competencyId));
      await audit.record(tx, ctx, {
        action: 'framework.path_links_followed',
        entityType: 'training_path',
        entityId: pathId,
        details: {
          added: after.filter((l) => fresh.has(l.competencyId)).map((l) => ({ code: l.code, text: l.text })),
          removed: removed.map((l) => ({ code: l.code, text: l.text })),
        },
      });
    },

    /** Sets a path's links into the published version (replacing them), each with the free text it maps. */
    async set(ctx: RequestContext, pathId: number, input: z.infer<typeof pathLinksInput>) {
      if (!canManageFramework(ctx.actor)) throw errors.forbidden();
      return db.transaction(async (tx) => {
        const before = await viewOf(tx, pathId);
        const ids = [...new Set(input.links.map((l) => l.competencyId))];
        const known = new Set((await deps.repo.publishedCompetencies(tx, ids)).map((c) => c.id));
        const unknown = ids.filter((id) => !known.has(id));
        if (unknown.length)
          throw errors.badRequest(
            'UNKNOWN_COMPETENCY',
            {
              it: `Competenze inesistenti nella versione pubblicata: ${unknown.join(', ')}.`,
              en: `No such competencies in the published version: ${unknown.join(', ')}.`,
            },
            ['links'],
          );
        // One link per competency: the first text given for it wins.
        const unique = ids.map(
          (id) => input.links.find((l) => l.competencyId === id) as (typeof input.links)[number],
        );
        await links.replacePublished(tx, pathId, unique, requireActor(ctx).id);
        const after = await viewOf(tx, pathId);
        await audit.record(tx, ctx, {
          action: 'framework.path_links_set',
          entityType: 'training_path',
          entityId: pathId,
          details: {
            before: before.links.map((l) => ({ code: l.code, text: l.text })),
            after: after.links.map((l) => ({ code: l.code, text: l.text })),
          },
        });
        return after;
      });
    },
  };
}

/**
 * What a change of a path's free text does to its links: the texts that were added are linked to the
 * competencies they name, the links made from a text that was removed go; the rest (links made by
 * hand, links an admin removed) is left as it is.
 */
export function textChanges(previous: readonly string[], current: readonly string[]) {
  const before = new Set(previous.map(matchKey));
  const after = new Set(current.map(matchKey));
  return {
    added: current.filter((t) => !before.has(matchKey(t))),
    removedKeys: [...before].filter((k) => k && !after.has(k)),
  };
}

export type PathLinksService = ReturnType<typeof createPathLinksService>;
