import type { z } from 'zod';
import type {
  draftCreateInput,
  draftUpdateInput,
  FrameworkFile,
  FrameworkTree,
} from '../../../../common/framework.js';
import type { Db } from '../../../db/client.js';
import { isUniqueViolation } from '../../../db/sql.js';
import type { Clock } from '../../../kernel/clock.js';
import { AppError, errors } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import type { AuditService } from '../../platform/audit/index.js';
import { readFrameworkCsv, readFrameworkJson, readUpload, refuse, writeFrameworkCsv } from './file-format.js';
import type { LinksRepository } from './links-repository.js';
import { FRAMEWORK, frameworkFrozen } from './messages.js';
import { canManageFramework, canReadFrameworkVersion } from './policy.js';
import type { FrameworkRepository, FrameworkRow } from './repository.js';
import { proposeVersion, toFile, toSummary, toTree } from './tree.js';

export type FrameworkDeps = {
  db: Db;
  repo: FrameworkRepository;
  links: LinksRepository;
  audit: AuditService;
  clock: Clock;
};

const draftExists = (version: string) =>
  errors.conflict('DRAFT_EXISTS', {
    it: `C’è già una bozza (versione ${version}): pubblicala o eliminala prima di crearne un’altra.`,
    en: `There is already a draft (version ${version}): publish or delete it before making another.`,
  });
const versionTaken = (version: string) =>
  new AppError(
    409,
    'VERSION_TAKEN',
    { it: `La versione "${version}" esiste già.`, en: `Version "${version}" already exists.` },
    ['version'],
  );

/**
 * The versions of the competency framework: reading (every signed-in person reads what is published
 * or retired), drafts copied from the version in force or imported from a file, their publication
 * (which retires the version in force and carries the paths' links over), exports.
 */
export function createFrameworkService(deps: FrameworkDeps) {
  const { db, repo, audit, clock } = deps;

  async function tree(tx: Db, f: FrameworkRow): Promise<FrameworkTree> {
    const [areas, competencies, domains] = await Promise.all([
      repo.areas(tx, f.id),
      repo.competencies(tx, f.id),
      repo.domains(tx),
    ]);
    return toTree(f, areas, competencies, domains);
  }

  /** The version if the caller may read it; 404 otherwise (a draft's id tells others nothing). */
  async function readable(ctx: RequestContext, id: number) {
    const f = await repo.get(db, id);
    if (!f || !canReadFrameworkVersion(ctx.actor, f.status)) throw errors.notFound(FRAMEWORK);
    return f;
  }

  async function freeLabel(tx: Db, base: string) {
    const labels = new Set(
      (await repo.list(tx, { drafts: true })).map((r) => r.framework.version.toLowerCase()),
    );
    return proposeVersion(base, (l) => labels.has(l.toLowerCase()));
  }

  /** Creates a draft with a file's content, refusing when a draft exists or the label is taken. */
  async function insertDraft(
    tx: Db,
    ctx: RequestContext,
    file: FrameworkFile,
    basedOn: FrameworkRow | undefined,
  ) {
    const draft = await repo.findByStatus(tx, 'draft');
    if (draft) throw draftExists(draft.version);
    if (await repo.versionTaken(tx, file.version)) throw versionTaken(file.version);
    try {
      const row = await repo.insert(tx, {
        version: file.version,
        titleIt: file.title.it,
        titleEn: file.title.en,
        sourceIt: file.source.it,
        sourceEn: file.source.en,
        status: 'draft',
        basedOnId: basedOn?.id ?? null,
        createdAt: clock.now(),
        createdBy: requireActor(ctx).id,
      });
      const counts = await repo.insertContent(tx, row.id, file);
      return { row, counts };
    } catch (err) {
      // Another admin made a draft at the same moment.
      if (isUniqueViolation(err)) throw draftExists(file.version);
      throw err;
    }
  }

  return {
    tree,

    async list(ctx: RequestContext) {
      requireActor(ctx);
      const rows = await repo.list(db, { drafts: canManageFramework(ctx.actor) });
      return { items: rows.map((r) => toSummary(r.framework, r)) };
    },

    async get(ctx: RequestContext, id: number) {
      return tree(db, await readable(ctx, id));
    },

    /** The version in the file shape (JSON export). */
    async exportFile(ctx: RequestContext, id: number): Promise<FrameworkFile> {
      return toFile(await tree(db, await readable(ctx, id)));
    },

    async exportCsv(ctx: RequestContext, id: number) {
      const file = toFile(await tree(db, await readable(ctx, id)));
      return { version: file.version, csv: writeFrameworkCsv(file) };
    },

    /** A new draft, copied from the version in force (or the newest one). */
    async createDraft(ctx: RequestContext, input: z.infer<typeof draftCreateInput>) {
      if (!canManageFramework(ctx.actor)) throw errors.forbidden();
      return db.transaction(async (tx) => {
        const latest = await repo.latest(tx);
        const base: FrameworkFile = latest
          ? toFile(await tree(tx, latest))
          : {
              version: '1',
              title: { it: 'Quadro delle competenze', en: 'Competency framework' },
              source: { it: '-', en: '-' },
              domains: [],
            };
        const version = input.version ?? (await freeLabel(tx, latest?.version ?? '0'));
        const { row } = await insertDraft(tx, ctx, { ...base, version }, latest);
        await audit.record(tx, ctx, {
          action: 'framework.draft_created',
          entityType: 'competency_framework',
          entityId: row.id,
          details: { version, basedOn: latest ? { id: latest.id, version: latest.version } : null },
        });
        return tree(tx, row);
      });
    },

    /** A new draft from an uploaded JSON or CSV file (a CSV takes title and source from the version in force). */
    async importFile(
      ctx: RequestContext,
      upload: { buffer: Buffer; filename: string; version?: string | undefined },
    ) {
      if (!canManageFramework(ctx.actor)) throw errors.forbidden();
      const { kind, text } = readUpload(upload.buffer, upload.filename);
      return db.transaction(async (tx) => {
        const latest = await repo.latest(tx);
        const known = (await repo.domains(tx)).map((d) => d.code);
        const result =
          kind === 'json'
            ? readFrameworkJson(text, known)
            : readFrameworkCsv(text, known, {
                version: upload.version ?? latest?.version ?? '1',
                title: latest
                  ? { it: latest.titleIt, en: latest.titleEn }
                  : { it: 'Quadro delle competenze', en: 'Competency framework' },
                source: latest ? { it: latest.sourceIt, en: latest.sourceEn } : { it: '-', en: '-' },
              });
        if (!result.ok) refuse(result.problems);
        // The file's own label when free; a new one when it is taken (re-importing an export).
        let version = upload.version ?? result.file.version;
        if (!upload.version && (await repo.versionTaken(tx, version))) version = await freeLabel(tx, version);
        const { row, counts } = await insertDraft(tx, ctx, { ...result.file, version }, latest);
        await audit.record(tx, ctx, {
          action: 'framework.imported',
          entityType: 'competency_framework',
          entityId: row.id,
          details: { version, format: kind, filename: upload.filename, ...counts },
        });
        return tree(tx, row);
      });
    },

    async updateDraft(ctx: RequestContext, id: number, input: z.infer<typeof draftUpdateInput>) {
      if (!canManageFramework(ctx.actor)) throw errors.forbidden();
      return db.transaction(async (tx) => {
        const f = await repo.lock(tx, id);
        if (!f) throw errors.notFound(FRAMEWORK);
        if (f.status !== 'draft') throw frameworkFrozen();
        if (input.version && (await repo.versionTaken(tx, input.version, id)))
          throw versionTaken(input.version);
        const row = await repo.update(tx, id, {
          ...(input.version ? { version: input.version } : {}),
          ...(input.title ? { titleIt: input.title.it, titleEn: input.title.en } : {}),
          ...(input.source ? { sourceIt: input.source.it, sourceEn: input.source.en } : {}),
        });
        await audit.record(tx, ctx, {
          action: 'framework.draft_updated',
          entityType: 'competency_framework',
          entityId: id,
          details: { before: { version: f.version, title: f.titleIt, source: f.sourceIt }, after: input },
        });
        return tree(tx, row);
      });
    },

    async deleteDraft(ctx: RequestContext, id: number) {
      if (!canManageFramework(ctx.actor)) throw errors.forbidden();
      await db.transaction(async (tx) => {
        const f = await repo.lock(tx, id);
        if (!f) throw errors.notFound(FRAMEWORK);
        if (f.status !== 'draft') throw frameworkFrozen();
        await repo.remove(tx, id);
        await audit.record(tx, ctx, {
          action: 'framework.draft_deleted',
          entityType: 'competency_framework',
          entityId: id,
          details: { version: f.version },
        });
      });
      return { ok: true as const };
    },

    /**
     * Puts a draft in force: the version in force is retired (never changed otherwise), and the paths'
     * links to its competencies are carried over to the draft's competencies of the same code.
     */
    async publish(ctx: RequestContext, id: number) {
      if (!canManageFramework(ctx.actor)) throw errors.forbidden();
      return db.transaction(async (tx) => {
        const f = await repo.lock(tx, id);
        if (!f) throw errors.notFound(FRAMEWORK);
        if (f.status !== 'draft') throw frameworkFrozen();
        if (!(await repo.competencies(tx, id)).length)
          throw errors.conflict('FRAMEWORK_EMPTY', {
            it: 'La bozza non contiene competenze: aggiungine prima di pubblicarla.',
            en: 'The draft holds no competencies: add some before publishing it.',
          });
        const now = clock.now();
        const previous = await repo.findByStatus(tx, 'published');
        if (previous) await repo.update(tx, previous.id, { status: 'retired', retiredAt: now });
        const row = await repo.update(tx, id, { status: 'published', publishedAt: now });
        const links = previous ? await deps.links.carryOver(tx, previous.id, id) : { carried: 0, lost: [] };
        await audit.record(tx, ctx, {
          action: 'framework.published',
          entityType: 'competency_framework',
          entityId: id,
          details: {
            version: f.version,
            retired: previous ? { id: previous.id, version: previous.version } : null,
            linksCarried: links.carried,
            linksNotCarried: links.lost,
          },
        });
        return tree(tx, row);
      });
    },
  };
}

export type FrameworkService = ReturnType<typeof createFrameworkService>;
