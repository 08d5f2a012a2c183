import type { z } from 'zod';
import type {
  areaInput,
  areaUpdateInput,
  competencyInput,
  competencyUpdateInput,
  FrameworkTree,
  frameworkOrderInput,
} from '../../../../common/framework.js';
import type { Db } from '../../../db/client.js';
import { AppError, errors } from '../../../kernel/errors.js';
import type { RequestContext } from '../../../kernel/principal.js';
import type { AuditRecord } from '../../platform/audit/index.js';
import { AREA, COMPETENCY, FRAMEWORK, frameworkFrozen } from './messages.js';
import { canManageFramework } from './policy.js';
import { competencyColumns } from './repository.js';
import type { FrameworkDeps, FrameworkService } from './service.js';

const codeTaken = (what: 'area' | 'competency', code: string) =>
  new AppError(
    409,
    'CODE_TAKEN',
    what === 'area'
      ? {
          it: `Il codice di area "${code}" è già usato in questa versione.`,
          en: `Area code "${code}" is already used in this version.`,
        }
      : {
          it: `Il codice di competenza "${code}" è già usato in questa versione.`,
          en: `Competency code "${code}" is already used in this version.`,
        },
    ['code'],
  );
const unknownDomain = (code: string) =>
  errors.badRequest(
    'UNKNOWN_DOMAIN',
    { it: `Ambito sconosciuto "${code}".`, en: `Unknown domain "${code}".` },
    ['domainCode'],
  );

/**
 * Editing a draft: areas and competencies added, changed, moved and removed. Each change locks the
 * version row, so it cannot slip past a publication: a published or retired version answers 409.
 */
export function createDraftsService(deps: FrameworkDeps & { versions: FrameworkService }) {
  const { db, repo, audit } = deps;

  async function editDraft(
    ctx: RequestContext,
    id: number,
    change: (tx: Db) => Promise<Omit<AuditRecord, 'entityType' | 'entityId'>>,
  ): Promise<FrameworkTree> {
    if (!canManageFramework(ctx.actor)) throw errors.forbidden();
    return db.transaction(async (tx) => {
      const f = await repo.lock(tx, id);
      if (!f) throw errors.notFound(FRAMEWORK);
      if (f.status !== 'draft') throw frameworkFrozen();
      const rec = await change(tx);
      await audit.record(tx, ctx, {
        ...rec,
        entityType: 'competency_framework',
        entityId: id,
        details: { version: f.version, ...rec.details },
      });
      return deps.versions.tree(tx, f);
    });
  }

  async function checkDomain(tx: Db, code: string) {
    if (!(await repo.domains(tx)).some((d) => d.code === code)) throw unknownDomain(code);
  }

  async function areaOf(tx: Db, id: number, areaId: number) {
    const area = await repo.area(tx, id, areaId);
    if (!area) throw errors.notFound(AREA);
    return area;
  }

  async function competencyOf(tx: Db, id: number, competencyId: number) {
    const c = await repo.competency(tx, id, competencyId);
    if (!c) throw errors.notFound(COMPETENCY);
    return c;
  }

  return {
    addArea: (ctx: RequestContext, id: number, input: z.infer<typeof areaInput>) =>
      editDraft(ctx, id, async (tx) => {
        await checkDomain(tx, input.domainCode);
        if (await repo.areaCodeTaken(tx, id, input.code)) throw codeTaken('area', input.code);
        const area = await repo.insertArea(tx, {
          frameworkId: id,
          domainCode: input.domainCode,
          code: input.code,
          nameIt: input.name.it,
          nameEn: input.name.en,
          position: await repo.nextAreaPosition(tx, id),
        });
        return { action: 'framework.area_added', details: { areaId: area.id, ...input } };
      }),

    updateArea: (ctx: RequestContext, id: number, areaId: number, input: z.infer<typeof areaUpdateInput>) =>
      editDraft(ctx, id, async (tx) => {
        const before = await areaOf(tx, id, areaId);
        if (input.domainCode) await checkDomain(tx, input.domainCode);
        if (input.code && (await repo.areaCodeTaken(tx, id, input.code, areaId)))
          throw codeTaken('area', input.code);
        await repo.updateArea(tx, areaId, {
          ...(input.domainCode ? { domainCode: input.domainCode } : {}),
          ...(input.code ? { code: input.code } : {}),
          ...(input.name ? { nameIt: input.name.it, nameEn: input.name.en } : {}),
        });
        return {
          action: 'framework.area_updated',
          details: {
            areaId,
            before: { domainCode: before.domainCode, code: before.code, name: before.nameIt },
            after: input,
          },
        };
      }),

    /** Removes an area with its competencies. */
    removeArea: (ctx: RequestContext, id: number, areaId: number) =>
      editDraft(ctx, id, async (tx) => {
        const area = await areaOf(tx, id, areaId);
        const competencies = await repo.removeArea(tx, areaId);
        return { action: 'framework.area_removed', details: { areaId, code: area.code, competencies } };
      }),

    addCompetency: (ctx: RequestContext, id: number, input: z.infer<typeof competencyInput>) =>
      editDraft(ctx, id, async (tx) => {
        await areaOf(tx, id, input.areaId);
        if (await repo.competencyCodeTaken(tx, id, input.code)) throw codeTaken('competency', input.code);
        const c = await repo.insertCompetency(tx, {
          ...competencyColumns(input),
          frameworkId: id,
          areaId: input.areaId,
          position: await repo.nextCompetencyPosition(tx, input.areaId),
        });
        return { action: 'framework.competency_added', details: { competencyId: c.id, code: c.code } };
      }),

    updateCompetency: (
      ctx: RequestContext,
      id: number,
      competencyId: number,
      input: z.infer<typeof competencyUpdateInput>,
    ) =>
      editDraft(ctx, id, async (tx) => {
        const before = await competencyOf(tx, id, competencyId);
        if (input.code && (await repo.competencyCodeTaken(tx, id, input.code, competencyId)))
          throw codeTaken('competency', input.code);
        const moved = input.areaId !== undefined && input.areaId !== before.areaId;
        if (moved) await areaOf(tx, id, input.areaId as number);
        await repo.updateCompetency(tx, competencyId, {
          ...(input.code ? { code: input.code } : {}),
          ...(input.name ? { nameIt: input.name.it, nameEn: input.name.en } : {}),
          ...(input.description
            ? { descriptionIt: input.description.it, descriptionEn: input.description.en }
            : {}),
          ...(input.keywords ? { keywords: input.keywords } : {}),
          ...(input.levels
            ? {
                levelBaseIt: input.levels.base.it,
                levelBaseEn: input.levels.base.en,
                levelIntermedioIt: input.levels.intermedio.it,
                levelIntermedioEn: input.levels.intermedio.en,
                levelAvanzatoIt: input.levels.avanzato.it,
                levelAvanzatoEn: input.levels.avanzato.en,
              }
            : {}),
          ...(moved
            ? {
                areaId: input.areaId,
                position: await repo.nextCompetencyPosition(tx, input.areaId as number),
              }
            : {}),
        });
        return {
          action: 'framework.competency_updated',
          details: { competencyId, code: before.code, fields: Object.keys(input) },
        };
      }),

    removeCompetency: (ctx: RequestContext, id: number, competencyId: number) =>
      editDraft(ctx, id, async (tx) => {
        const c = await competencyOf(tx, id, competencyId);
        await repo.removeCompetency(tx, competencyId);
        return { action: 'framework.competency_removed', details: { competencyId, code: c.code } };
      }),

    /**
     * Sets the whole order of a draft: the areas in the order given, each with the competencies
     * listed under it (a competency may change area). Every area and competency must appear once.
     */
    reorder: (ctx: RequestContext, id: number, input: z.infer<typeof frameworkOrderInput>) =>
      editDraft(ctx, id, async (tx) => {
        const [areas, competencies] = await Promise.all([repo.areas(tx, id), repo.competencies(tx, id)]);
        const areaIds = input.areas.map((a) => a.id);
        const compIds = input.areas.flatMap((a) => a.competencyIds);
        const same = (a: number[], b: number[]) =>
          a.length === b.length && new Set(a).size === a.length && a.every((x) => b.includes(x));
        if (
          !same(
            areaIds,
            areas.map((a) => a.id),
          ) ||
          !same(
            compIds,
            competencies.map((c) => c.id),
          )
        )
          throw errors.badRequest(
            'INCOMPLETE_ORDER',
            {
              it: 'L’ordine deve elencare una volta ciascuna area e ciascuna competenza della bozza.',
              en: 'The order must list each area and each competency of the draft exactly once.',
            },
            ['areas'],
          );
        for (const [i, a] of input.areas.entries()) {
          await repo.setAreaPosition(tx, a.id, i);
          for (const [j, c] of a.competencyIds.entries()) await repo.setCompetencyPlace(tx, c, a.id, j);
        }
        return { action: 'framework.reordered', details: {} };
      }),
  };
}

export type DraftsService = ReturnType<typeof createDraftsService>;
