import type { z } from 'zod';
import type {
  PathInput,
  pathListQuery,
  publicPathListQuery,
  TrainingPath,
} from '../../../../common/catalogue.js';
import type { Db } from '../../../db/client.js';
import { isUniqueViolation } from '../../../db/sql.js';
import { errors, type Lang } from '../../../kernel/errors.js';
import type { EventBus } from '../../../kernel/events.js';
import type { RequestContext } from '../../../kernel/principal.js';
import { slugify } from '../../../kernel/slug.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { AgreementsService } from '../agreements/index.js';
import { describeEligibility, type EligibilityRule } from './eligibility.js';
import type { PathRow, PathsRepository } from './paths-repository.js';
import { canManageCatalogue } from './policy.js';

export const PATH = { it: 'Percorso formativo', en: 'Training path' };

export type PathsService = ReturnType<typeof createPathsService>;

export function createPathsService(deps: {
  db: Db;
  repo: PathsRepository;
  agreements: Pick<AgreementsService, 'unitsWithActiveAgreement'>;
  audit: AuditService;
  events: EventBus;
}) {
  const { db, repo, audit, events } = deps;

  async function toPaths(rows: PathRow[], lang: Lang, tx: Db = db): Promise<TrainingPath[]> {
    const d = await repo.details(
      tx,
      rows.map((r) => r.id),
    );
    return rows.map((r) => {
      const domain = d.names.domains.get(r.domainCode);
      const model = r.serviceModelCode ? d.names.models.get(r.serviceModelCode) : undefined;
      return {
        id: r.id,
        slug: r.slug,
        title: r.title,
        summary: r.summary,
        objectives: r.objectives,
        domainCode: r.domainCode,
        domainName: (lang === 'en' ? domain?.nameEn : domain?.nameIt) ?? r.domainCode,
        serviceModelCode: r.serviceModelCode,
        serviceModelName: model ? (lang === 'en' ? model.nameEn : model.nameIt) : null,
        level: r.level,
        competencies: r.competencies,
        targetJobProfiles: r.targetJobProfiles,
        totalHours: r.totalHours,
        deliveryModes: r.deliveryModes,
        eligibility: r.eligibility,
        unitIds: d.units.filter((u) => u.pathId === r.id).map((u) => u.id),
        materials: r.materials,
        modules: d.modules
          .filter((m) => m.pathId === r.id)
          .map((m) => ({
            id: m.id,
            position: m.position,
            title: m.title,
            description: m.description,
            hours: m.hours,
            mode: m.mode,
          })),
        status: r.status,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      };
    });
  }

  async function validate(tx: Db, input: PathInput) {
    if (!(await repo.referenceExists(tx, 'domain', input.domainCode)))
      throw errors.badRequest(
        'UNKNOWN_DOMAIN',
        { it: 'Ambito formativo sconosciuto.', en: 'Unknown training domain.' },
        ['domainCode'],
      );
    if (input.serviceModelCode && !(await repo.referenceExists(tx, 'serviceModel', input.serviceModelCode)))
      throw errors.badRequest(
        'UNKNOWN_SERVICE_MODEL',
        { it: 'Modello di servizio sconosciuto.', en: 'Unknown service model.' },
        ['serviceModelCode'],
      );
    if (input.eligibility === 'agreement' && !input.serviceModelCode)
      throw errors.badRequest(
        'SERVICE_MODEL_REQUIRED',
        {
          it: 'Un percorso riservato alle Convenzioni deve indicare il modello di servizio.',
          en: 'A path reserved to Convenzioni needs a service model.',
        },
        ['serviceModelCode'],
      );
    if (input.eligibility === 'units' && !input.unitIds.length)
      throw errors.badRequest(
        'UNITS_REQUIRED',
        { it: 'Scegli almeno una unità territoriale.', en: 'Choose at least one territorial unit.' },
        ['unitIds'],
      );
    const found = await repo.existingUnitIds(tx, input.unitIds);
    if (found.length !== new Set(input.unitIds).size)
      throw errors.badRequest(
        'UNKNOWN_UNIT',
        { it: 'Unità territoriale sconosciuta.', en: 'Unknown territorial unit.' },
        ['unitIds'],
      );
  }

  const slugTaken = () =>
    errors.conflict('SLUG_TAKEN', {
      it: 'Esiste già un percorso con questo indirizzo (slug): scegline un altro.',
      en: 'Another path already has this address (slug): choose another one.',
    });

  function values(input: PathInput) {
    const { modules: _m, unitIds: _u, slug, ...rest } = input;
    return { ...rest, slug: slug ?? slugify(input.title) };
  }

  return {
    toPaths,

    /** The eligibility rule of a path, with the units it names (listed, or with a Convenzione). */
    async eligibilityRule(path: PathRow, tx: Db = db): Promise<EligibilityRule> {
      const kind = path.eligibility;
      if (kind === 'agreement' && path.serviceModelCode)
        return {
          kind,
          serviceModelCode: path.serviceModelCode,
          units: await deps.agreements.unitsWithActiveAgreement(tx, path.serviceModelCode),
        };
      if (kind === 'units') {
        const d = await repo.details(tx, [path.id]);
        return {
          kind,
          serviceModelCode: path.serviceModelCode,
          units: d.units.map(({ id, name }) => ({ id, name })),
        };
      }
      return { kind: 'all', serviceModelCode: path.serviceModelCode, units: [] };
    },

    async eligibilityInfo(path: PathRow, serviceModelName: string | null, lang: Lang) {
      const rule = await this.eligibilityRule(path);
      return { ...rule, text: describeEligibility(rule, serviceModelName, lang) };
    },

    async list(ctx: RequestContext, q: z.infer<typeof pathListQuery>) {
      if (!canManageCatalogue(ctx.actor)) throw errors.forbidden();
      const { rows, total } = await repo.list(db, q, q.page, q.pageSize);
      return { items: await toPaths(rows, ctx.lang), total, page: q.page, pageSize: q.pageSize };
    },

    async listPublished(lang: Lang, q: z.infer<typeof publicPathListQuery>) {
      const { rows, total } = await repo.list(db, { ...q, status: 'published' }, q.page, q.pageSize);
      return { items: await toPaths(rows, lang), total, page: q.page, pageSize: q.pageSize };
    },

    async get(ctx: RequestContext, id: number) {
      if (!canManageCatalogue(ctx.actor)) throw errors.forbidden();
      const row = await repo.findById(db, id);
      if (!row) throw errors.notFound(PATH);
      return (await toPaths([row], ctx.lang))[0] as TrainingPath;
    },

    /** A published path by its slug, for public pages (drafts are not found). */
    async publishedBySlug(slug: string) {
      const row = await repo.findBySlug(db, slug);
      if (row?.status !== 'published') throw errors.notFound(PATH);
      return row;
    },

    async create(ctx: RequestContext, input: PathInput) {
      if (!canManageCatalogue(ctx.actor)) throw errors.forbidden();
      try {
        return await db.transaction(async (tx) => {
          await validate(tx, input);
          const row = await repo.insert(tx, { ...values(input), createdBy: ctx.actor?.id ?? null });
          await repo.replaceChildren(tx, row.id, input);
          await audit.record(tx, ctx, {
            action: 'path.created',
            entityType: 'training_path',
            entityId: row.id,
            details: { title: row.title },
          });
          if (row.competencies.length)
            await events.emit(tx, ctx, 'path.competenciesChanged', { pathId: row.id, previous: [] });
          return (await toPaths([row], ctx.lang, tx))[0] as TrainingPath;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw slugTaken();
        throw err;
      }
    },

    async update(ctx: RequestContext, id: number, input: PathInput) {
      if (!canManageCatalogue(ctx.actor)) throw errors.forbidden();
      try {
        return await db.transaction(async (tx) => {
          // Locked, so the free text "before" is the one this change replaces, even under concurrency.
          const before = await repo.lock(tx, id);
          if (!before) throw errors.notFound(PATH);
          await validate(tx, input);
          const row = await repo.update(tx, id, { ...values(input), slug: input.slug ?? before.slug });
          await repo.replaceChildren(tx, id, input);
          await audit.record(tx, ctx, {
            action: 'path.updated',
            entityType: 'training_path',
            entityId: id,
            details: { title: input.title },
          });
          if (!sameTexts(before.competencies, input.competencies))
            await events.emit(tx, ctx, 'path.competenciesChanged', {
              pathId: id,
              previous: before.competencies,
            });
          return (await toPaths([row as PathRow], ctx.lang, tx))[0] as TrainingPath;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw slugTaken();
        throw err;
      }
    },

    async setStatus(ctx: RequestContext, id: number, status: TrainingPath['status']) {
      if (!canManageCatalogue(ctx.actor)) throw errors.forbidden();
      return db.transaction(async (tx) => {
        const before = await repo.findById(tx, id);
        if (!before) throw errors.notFound(PATH);
        const row = await repo.update(tx, id, { status });
        await audit.record(tx, ctx, {
          action: `path.${status}`,
          entityType: 'training_path',
          entityId: id,
          details: { from: before.status, to: status },
        });
        return (await toPaths([row as PathRow], ctx.lang, tx))[0] as TrainingPath;
      });
    },
  };
}

/** The same free-text competencies, in the same order. */
function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}
