import type {
  FadBeat,
  FadModuleCreate,
  FadModuleUpdate,
  FadModuleView,
  FadOnlineSession,
  FadPageInput,
  FadProgress,
  MyFad,
} from '../../../../common/fad.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { AttendanceService } from '../attendance/index.js';
import { canManageEdition } from '../catalogue/index.js';
import type { QuizLookup } from '../quizzes/index.js';
import * as m from './messages.js';
import { moduleComplete, visitSeconds } from './progress.js';
import type { FadRepository } from './repository.js';
import { createFadRules } from './rules.js';
import { createScormService } from './scorm-service.js';
import { pageOf, pageValues, progressOf, summaryOf } from './views.js';

/**
 * Online modules (FAD): catalogue managers build them from pages; people enrolled in an edition of the
 * path follow them, and their active time and completion reach the attendance ledger of the edition's
 * online session that delivers the module (through attendance's `recordOnlineProgress`).
 */
export function createFadService(deps: {
  db: Db;
  repo: FadRepository;
  audit: AuditService;
  attendance: AttendanceService;
  quizzes: QuizLookup;
  clock: Clock;
  /** SCORM: the app's and the content's origins, and the key of content tokens (derived lazily). */
  scorm: { appOrigin: string; contentOrigin: string | undefined; key: () => Promise<Buffer> };
}) {
  const { db, repo, audit, clock } = deps;

  const rules = createFadRules({ repo, attendance: deps.attendance, quizzes: deps.quizzes });
  const {
    mayEdit,
    requireEditor,
    editableModule,
    prerequisiteMap,
    checkPrerequisites,
    checkQuiz,
    summary,
    hasContent,
    writeLedger,
    lockedBy,
    learnerModule,
  } = rules;

  return {
    ...createScormService(deps, rules),

    async listForPath(ctx: RequestContext, pathId: number) {
      requireEditor(ctx);
      return db.transaction(async (tx) => {
        if (!(await repo.path(tx, pathId))) throw errors.notFound(m.PATH);
        const rows = await repo.modulesOfPath(tx, pathId);
        const ids = rows.map((r) => r.module.id);
        const prereq = await prerequisiteMap(tx, ids);
        const packages = await repo.packagesOf(tx, ids);
        return {
          items: rows.map((r) =>
            summaryOf(
              r.module,
              r.pathTitle,
              r.pageCount,
              prereq.get(r.module.id) ?? [],
              packages.get(r.module.id),
            ),
          ),
        };
      });
    },

    async create(ctx: RequestContext, pathId: number, input: FadModuleCreate) {
      requireEditor(ctx);
      return db.transaction(async (tx) => {
        if (!(await repo.path(tx, pathId))) throw errors.notFound(m.PATH);
        if (input.status === 'published') throw m.publishWithoutPages();
        const prerequisites = await checkPrerequisites(tx, pathId, null, input.prerequisiteIds);
        await checkQuiz(tx, pathId, input.quizId);
        const { prerequisiteIds: _ignored, ...values } = input;
        const row = await repo.insertModule(tx, {
          ...values,
          pathId,
          position: await repo.nextPosition(tx, pathId),
          createdBy: ctx.actor?.id ?? null,
        });
        await repo.setPrerequisites(tx, row.id, prerequisites);
        await audit.record(tx, ctx, {
          action: 'fad_module.created',
          entityType: 'fad_module',
          entityId: row.id,
          details: { pathId, title: row.titleIt, kind: row.kind },
        });
        return summary(tx, row.id);
      });
    },

    async get(ctx: RequestContext, id: number): Promise<FadModuleView> {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const editor = mayEdit(ctx);
        const row = editor ? await repo.module(tx, id) : await learnerModule(tx, ctx, id);
        if (!row) throw errors.notFound(m.MODULE);
        const pages = await repo.pagesOf(tx, id);
        const prereq = await prerequisiteMap(tx, [id]);
        const pkg = await repo.packageOf(tx, id);
        const enrolled = await repo.enrolledInPath(tx, actor.id, row.module.pathId);
        const [progress] = enrolled ? await repo.progressOf(tx, actor.id, [id]) : [];
        const viewed = enrolled ? (await repo.viewedPageIds(tx, actor.id, id)).map((v) => v.pageId) : [];
        return {
          ...summaryOf(row.module, row.pathTitle, pages.length, prereq.get(id) ?? [], pkg),
          pages: pages.map(pageOf),
          progress: enrolled ? progressOf(progress, viewed) : null,
          lockedBy: enrolled ? await lockedBy(tx, actor.id, id) : [],
          canEdit: editor,
        };
      });
    },

    async update(ctx: RequestContext, id: number, input: FadModuleUpdate) {
      return db.transaction(async (tx) => {
        const row = await editableModule(tx, ctx, id, true);
        if (input.status === 'published' && !(await hasContent(tx, row.module)))
          throw row.module.kind === 'scorm' ? m.publishWithoutPackage() : m.publishWithoutPages();
        const prerequisites = await checkPrerequisites(tx, row.module.pathId, id, input.prerequisiteIds);
        await checkQuiz(tx, row.module.pathId, input.quizId);
        const { prerequisiteIds: _ignored, revision, ...values } = input;
        const saved = await repo.updateModule(tx, id, revision, values);
        if (!saved) throw m.stale();
        await repo.setPrerequisites(tx, id, prerequisites);
        await audit.record(tx, ctx, {
          action: 'fad_module.updated',
          entityType: 'fad_module',
          entityId: id,
          details: { title: saved.titleIt, status: saved.status },
        });
        return summary(tx, id);
      });
    },

    async remove(ctx: RequestContext, id: number) {
      return db.transaction(async (tx) => {
        const row = await editableModule(tx, ctx, id, true);
        // What learners did in a module is part of their record: a module someone followed stays.
        if (await repo.hasProgress(tx, id)) throw m.hasLearners();
        await repo.deleteModule(tx, id);
        await audit.record(tx, ctx, {
          action: 'fad_module.deleted',
          entityType: 'fad_module',
          entityId: id,
          details: { pathId: row.module.pathId, title: row.module.titleIt },
        });
        return { ok: true as const };
      });
    },

    async addPage(ctx: RequestContext, moduleId: number, input: FadPageInput) {
      return db.transaction(async (tx) => {
        const row = await editableModule(tx, ctx, moduleId, true);
        if (row.module.kind !== 'pages') throw m.notPages();
        const page = await repo.insertPage(tx, moduleId, pageValues(input));
        await repo.touchModule(tx, moduleId);
        await audit.record(tx, ctx, {
          action: 'fad_page.created',
          entityType: 'fad_module',
          entityId: moduleId,
          details: { pageId: page.id, title: page.titleIt },
        });
        return pageOf(page);
      });
    },

    async updatePage(ctx: RequestContext, pageId: number, input: FadPageInput) {
      requireEditor(ctx);
      return db.transaction(async (tx) => {
        const before = await repo.page(tx, pageId);
        if (!before) throw errors.notFound(m.PAGE);
        await editableModule(tx, ctx, before.moduleId, true);
        const page = await repo.updatePage(tx, pageId, pageValues(input));
        if (!page) throw errors.notFound(m.PAGE);
        await repo.touchModule(tx, before.moduleId);
        await audit.record(tx, ctx, {
          action: 'fad_page.updated',
          entityType: 'fad_module',
          entityId: before.moduleId,
          details: { pageId, title: page.titleIt },
        });
        return pageOf(page);
      });
    },

    async removePage(ctx: RequestContext, pageId: number) {
      requireEditor(ctx);
      return db.transaction(async (tx) => {
        const before = await repo.page(tx, pageId);
        if (!before) throw errors.notFound(m.PAGE);
        const row = await editableModule(tx, ctx, before.moduleId, true);
        if (row.module.status === 'published' && (await repo.pagesOf(tx, before.moduleId)).length === 1)
          throw m.lastPublishedPage();
        await repo.deletePage(tx, pageId);
        await repo.touchModule(tx, before.moduleId);
        await audit.record(tx, ctx, {
          action: 'fad_page.deleted',
          entityType: 'fad_module',
          entityId: before.moduleId,
          details: { pageId, title: before.titleIt },
        });
        return { ok: true as const };
      });
    },

    async reorderPages(ctx: RequestContext, moduleId: number, pageIds: number[]) {
      return db.transaction(async (tx) => {
        await editableModule(tx, ctx, moduleId, true);
        const current = (await repo.pagesOf(tx, moduleId)).map((p) => p.id);
        const same =
          new Set(pageIds).size === pageIds.length &&
          pageIds.length === current.length &&
          pageIds.every((id) => current.includes(id));
        if (!same) throw m.badOrder();
        await repo.setPagePositions(tx, pageIds);
        await repo.touchModule(tx, moduleId);
        await audit.record(tx, ctx, {
          action: 'fad_pages.reordered',
          entityType: 'fad_module',
          entityId: moduleId,
          details: { pageIds },
        });
        return (await repo.pagesOf(tx, moduleId)).map(pageOf);
      });
    },

    async onlineSessions(ctx: RequestContext, pathId: number): Promise<{ items: FadOnlineSession[] }> {
      const actor = requireActor(ctx);
      requireEditor(ctx);
      return db.transaction(async (tx) => {
        if (!(await repo.path(tx, pathId))) throw errors.notFound(m.PATH);
        const trained = await repo.trainedEditionIds(tx, actor.id);
        const rows = await repo.onlineSessionsOfPath(tx, pathId);
        return {
          items: rows.map((r) => ({
            sessionId: r.sessionId,
            editionId: r.editionId,
            editionTitle: r.editionTitle,
            title: r.title,
            startsAt: r.startsAt.toISOString(),
            endsAt: r.endsAt.toISOString(),
            moduleId: r.moduleId,
            canLink: canManageEdition(ctx.actor, trained.has(r.editionId)),
          })),
        };
      });
    },

    async linkSession(ctx: RequestContext, sessionId: number, moduleId: number | null) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const s = await repo.sessionWithPath(tx, sessionId);
        if (!s) throw errors.notFound(m.SESSION);
        if (!canManageEdition(ctx.actor, await repo.trainsEdition(tx, actor.id, s.editionId)))
          throw errors.forbidden();
        if (s.mode !== 'online') throw m.notOnline();
        if (moduleId !== null) {
          const mod = await repo.module(tx, moduleId);
          if (!mod || mod.module.pathId !== s.pathId) throw m.otherPath();
        }
        await repo.linkSession(tx, sessionId, moduleId);
        await audit.record(tx, ctx, {
          action: 'fad_session.linked',
          entityType: 'session',
          entityId: sessionId,
          details: { editionId: s.editionId, moduleId },
        });
        return { ok: true as const };
      });
    },

    /**
     * A beat of the player: the visit's active time so far and the page on screen. Kept idempotent
     * (see `visitSeconds`); the ledger of each online session delivering the module is written at
     * each new step of minutes and at completion.
     */
    async beat(ctx: RequestContext, moduleId: number, beat: FadBeat): Promise<FadProgress> {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const row = await learnerModule(tx, ctx, moduleId);
        if ((await lockedBy(tx, actor.id, moduleId)).length) throw m.locked();
        const pages = await repo.pagesOf(tx, moduleId);
        if (!pages.some((p) => p.id === beat.pageId)) throw errors.notFound(m.PAGE);
        const progress = await repo.lockProgress(tx, actor.id, moduleId);
        const now = clock.now();
        const visit = await repo.visit(tx, beat.visit);
        if (visit && (visit.userId !== actor.id || visit.moduleId !== moduleId)) throw m.otherVisit();
        if (!visit) await repo.startVisit(tx, { id: beat.visit, userId: actor.id, moduleId, startedAt: now });
        const seconds = visitSeconds({
          stored: visit?.seconds ?? 0,
          claimed: beat.seconds,
          startedAt: visit?.startedAt ?? now,
          now,
        });
        if (seconds !== (visit?.seconds ?? 0)) await repo.setVisitSeconds(tx, beat.visit, seconds);
        await repo.markViewed(tx, actor.id, beat.pageId);
        const total = await repo.totalSeconds(tx, actor.id, moduleId);
        const viewed = (await repo.viewedPageIds(tx, actor.id, moduleId)).map((v) => v.pageId);
        const complete =
          progress.completedAt !== null ||
          moduleComplete(row.module, {
            pageIds: pages.map((p) => p.id),
            viewedPageIds: new Set(viewed),
            activeSeconds: total,
            quizPassed:
              row.module.quizId !== null && (await deps.quizzes.passed(tx, actor.id, row.module.quizId)),
          });
        const completedAt = progress.completedAt ?? (complete ? now : null);
        await repo.saveProgress(tx, actor.id, moduleId, {
          activeSeconds: total,
          lastPageId: beat.pageId,
          completedAt,
        });
        await writeLedger(tx, ctx, actor.id, moduleId, total, complete);
        return progressOf({ activeSeconds: total, lastPageId: beat.pageId, completedAt }, viewed);
      });
    },

    async mine(ctx: RequestContext): Promise<MyFad> {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const rows = await repo.myModules(tx, actor.id);
        const ids = rows.map((r) => r.module.id);
        const prereq = await prerequisiteMap(tx, ids);
        const done = await repo.completedAmong(tx, actor.id, [...new Set([...prereq.values()].flat())]);
        return {
          modules: rows.map((r) => ({
            id: r.module.id,
            kind: r.module.kind,
            pathId: r.module.pathId,
            pathTitle: r.pathTitle,
            titleIt: r.module.titleIt,
            titleEn: r.module.titleEn,
            pageCount: r.pageCount,
            minMinutes: r.module.minMinutes,
            viewedPages: r.viewedPages,
            activeMinutes: Math.floor((r.activeSeconds ?? 0) / 60),
            completedAt: r.completedAt ? new Date(r.completedAt).toISOString() : null,
            locked: (prereq.get(r.module.id) ?? []).some((id) => !done.has(id)),
            availableUntil: r.availableUntil,
          })),
        };
      });
    },
  };
}

export type FadService = ReturnType<typeof createFadService>;
