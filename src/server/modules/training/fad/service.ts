import { randomUUID } from 'node:crypto';
import type {
  FadBeat,
  FadModuleCreate,
  FadModuleSummary,
  FadModuleUpdate,
  FadModuleView,
  FadOnlineSession,
  FadPage,
  FadPageInput,
  FadProgress,
  MyFad,
  ScormCommit,
  ScormCommitResult,
  ScormLaunch,
} from '../../../../common/fad.js';
import { SCORM_LIMITS } from '../../../../common/fad.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { AttendanceService } from '../attendance/index.js';
import { canManageCatalogue, canManageEdition } from '../catalogue/index.js';
import type { QuizLookup } from '../quizzes/index.js';
import * as m from './messages.js';
import { ledgerMinutes, ledgerStepReached, moduleComplete, visitSeconds } from './progress.js';
import type { FadModuleRow, FadPageRow, FadRepository, ScormPackageRow } from './repository.js';
import { checkedVideoUrl, embedUrl, sanitizeRichText } from './rich-text.js';
import { cmiForLaunch, deriveCmi } from './scorm/cmi.js';
import { readPackage } from './scorm/package.js';
import { type ContentGrant, contentToken, readContentToken, TOKEN_HOURS } from './scorm/token.js';

/** The player's page under a content address (a name no package file takes: see scorm/content.ts). */
export const PLAYER = '__officina/player.html';

const sessionLength = (s: { startsAt: Date; endsAt: Date }) =>
  Math.max(0, Math.floor((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000));

function summaryOf(
  row: FadModuleRow,
  pathTitle: string,
  pageCount: number,
  prerequisiteIds: number[],
  pkg?: ScormPackageRow,
): FadModuleSummary {
  return {
    id: row.id,
    pathId: row.pathId,
    pathTitle,
    position: row.position,
    titleIt: row.titleIt,
    titleEn: row.titleEn,
    summaryIt: row.summaryIt,
    summaryEn: row.summaryEn,
    status: row.status,
    requireAllPages: row.requireAllPages,
    minMinutes: row.minMinutes,
    quizId: row.quizId,
    prerequisiteIds,
    pageCount,
    revision: row.revision,
    kind: row.kind,
    scorm: pkg
      ? {
          version: pkg.version,
          title: pkg.title,
          launch: pkg.launchHref,
          fileCount: pkg.fileCount,
          totalBytes: pkg.totalBytes,
          uploadedAt: pkg.uploadedAt.toISOString(),
        }
      : null,
  };
}

function pageOf(p: FadPageRow): FadPage {
  return {
    id: p.id,
    moduleId: p.moduleId,
    position: p.position,
    titleIt: p.titleIt,
    titleEn: p.titleEn,
    bodyIt: p.bodyIt,
    bodyEn: p.bodyEn,
    videoUrl: p.videoUrl,
    embedUrl: p.videoUrl ? embedUrl(p.videoUrl) : null,
    materials: p.materials,
  };
}

const pageValues = (input: FadPageInput) => ({
  titleIt: input.titleIt,
  titleEn: input.titleEn,
  bodyIt: sanitizeRichText(input.bodyIt),
  bodyEn: sanitizeRichText(input.bodyEn),
  videoUrl: checkedVideoUrl(input.videoUrl),
  materials: input.materials,
});

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

  const mayEdit = (ctx: RequestContext) => canManageCatalogue(ctx.actor);

  function requireEditor(ctx: RequestContext) {
    requireActor(ctx);
    if (!mayEdit(ctx)) throw errors.forbidden();
  }

  async function editableModule(tx: Db, ctx: RequestContext, id: number, lock = false) {
    requireEditor(ctx);
    const row = await repo.module(tx, id, lock);
    if (!row) throw errors.notFound(m.MODULE);
    return row;
  }

  async function prerequisiteMap(tx: Db, moduleIds: number[]) {
    const map = new Map<number, number[]>();
    for (const p of await repo.prerequisitesOf(tx, moduleIds))
      map.set(p.moduleId, [...(map.get(p.moduleId) ?? []), p.requiresId]);
    return map;
  }

  /** Prerequisites must be other modules of the same path, without a cycle. */
  async function checkPrerequisites(tx: Db, pathId: number, moduleId: number | null, ids: number[]) {
    const unique = [...new Set(ids)];
    const modules = await repo.modulesOfPath(tx, pathId);
    const ofPath = new Set(modules.map((r) => r.module.id));
    if (unique.some((id) => id === moduleId || !ofPath.has(id))) throw m.badPrerequisite();
    if (moduleId !== null) {
      const graph = await prerequisiteMap(tx, [...ofPath]);
      graph.set(moduleId, unique);
      const seen = new Set<number>();
      const reaches = (from: number): boolean => {
        if (from === moduleId) return true;
        if (seen.has(from)) return false;
        seen.add(from);
        return (graph.get(from) ?? []).some(reaches);
      };
      if (unique.some(reaches)) throw m.prerequisiteCycle();
    }
    return unique;
  }

  /** The module's quiz must be one of the same path. */
  async function checkQuiz(tx: Db, pathId: number, quizId: number | null) {
    if (quizId !== null && (await deps.quizzes.pathOf(tx, quizId)) !== pathId) throw m.otherPathQuiz();
  }

  async function summary(tx: Db, id: number): Promise<FadModuleSummary> {
    const row = await repo.module(tx, id);
    if (!row) throw errors.notFound(m.MODULE);
    const pages = await repo.pagesOf(tx, id);
    const prereq = await prerequisiteMap(tx, [id]);
    const pkg = await repo.packageOf(tx, id);
    return summaryOf(row.module, row.pathTitle, pages.length, prereq.get(id) ?? [], pkg);
  }

  /** Whether a module has what it shows: pages, or its package. */
  async function hasContent(tx: Db, row: FadModuleRow) {
    if (row.kind === 'scorm') return (await repo.packageOf(tx, row.id)) !== undefined;
    return (await repo.pagesOf(tx, row.id)).length > 0;
  }

  /**
   * Writes the ledger of each online session delivering the module in an edition where the person is
   * enrolled: the active minutes capped at the session's length (its whole length once complete), at
   * each new step of minutes and at completion.
   */
  async function writeLedger(
    tx: Db,
    ctx: RequestContext,
    userId: string,
    moduleId: number,
    total: number,
    complete: boolean,
  ) {
    for (const s of await repo.linkedSessionsOf(tx, userId, moduleId)) {
      const minutes = ledgerMinutes(total, complete, sessionLength(s));
      if (ledgerStepReached(s.minutes, minutes, complete))
        await deps.attendance.recordOnlineProgress(tx, ctx, {
          sessionId: s.sessionId,
          userId,
          minutes,
          completed: complete,
        });
    }
  }

  /** The package of a SCORM module a learner may follow (404 as for the module otherwise). */
  async function learnerPackage(tx: Db, ctx: RequestContext, moduleId: number) {
    const actor = requireActor(ctx);
    const row = await learnerModule(tx, ctx, moduleId);
    if (row.module.kind !== 'scorm') throw m.notScorm();
    const pkg = await repo.packageOf(tx, moduleId);
    if (!pkg) throw errors.notFound(m.PACKAGE);
    if ((await lockedBy(tx, actor.id, moduleId)).length) throw m.locked();
    return { row, pkg };
  }

  function progressOf(
    row: { activeSeconds: number; lastPageId: number | null; completedAt: Date | null } | undefined,
    viewed: number[],
  ): FadProgress {
    return {
      viewedPageIds: viewed,
      lastPageId: row?.lastPageId ?? null,
      activeMinutes: Math.floor((row?.activeSeconds ?? 0) / 60),
      completedAt: row?.completedAt?.toISOString() ?? null,
    };
  }

  /** Titles of the prerequisites the person has not completed. */
  async function lockedBy(tx: Db, userId: string, moduleId: number) {
    const ids = (await prerequisiteMap(tx, [moduleId])).get(moduleId) ?? [];
    if (ids.length === 0) return [];
    const done = await repo.completedAmong(tx, userId, ids);
    const titles: string[] = [];
    for (const id of ids.filter((x) => !done.has(x))) {
      const row = await repo.module(tx, id);
      if (row) titles.push(row.module.titleIt);
    }
    return titles;
  }

  /** A module a learner may follow: published, in a path where they hold a confirmed enrolment. */
  async function learnerModule(tx: Db, ctx: RequestContext, id: number) {
    const actor = requireActor(ctx);
    const row = await repo.module(tx, id);
    const open = row?.module.status === 'published';
    if (!row || !open || !(await repo.enrolledInPath(tx, actor.id, row.module.pathId)))
      throw errors.notFound(m.MODULE);
    return row;
  }

  return {
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

    /**
     * Puts a SCORM package in a module of kind `scorm`. The zip is judged whole before anything is
     * stored (package.ts); package and files then replace the previous ones in one transaction, so a
     * refused upload leaves the module as it was.
     */
    async uploadScorm(ctx: RequestContext, moduleId: number, buffer: Buffer) {
      requireEditor(ctx);
      const actor = requireActor(ctx);
      await db.transaction(async (tx) => {
        const row = await editableModule(tx, ctx, moduleId);
        if (row.module.kind !== 'scorm') throw m.notScorm();
      });
      const read = readPackage(buffer);
      if (!read.ok) throw m.badPackage(read.problems);
      return db.transaction(async (tx) => {
        const row = await editableModule(tx, ctx, moduleId, true);
        if (row.module.kind !== 'scorm') throw m.notScorm();
        const { manifest, files, totalBytes } = read;
        const pkg = await repo.replacePackage(
          tx,
          moduleId,
          {
            version: manifest.version,
            title: manifest.title,
            launchHref: manifest.launchHref,
            manifestIdentifier: manifest.identifier,
            fileCount: files.length,
            totalBytes,
            uploadedBy: actor.id,
          },
          files,
        );
        await repo.touchModule(tx, moduleId);
        await audit.record(tx, ctx, {
          action: 'fad_scorm.uploaded',
          entityType: 'fad_module',
          entityId: moduleId,
          details: { packageId: pkg.id, version: pkg.version, files: files.length, bytes: totalBytes },
        });
        return summary(tx, moduleId);
      });
    },

    /**
     * Opens a SCORM module for the learner: a new visit (its time counts once), the player's signed
     * address on the content origin, and the CMI data saved so far.
     */
    async scormLaunch(ctx: RequestContext, moduleId: number): Promise<ScormLaunch> {
      const actor = requireActor(ctx);
      const origin = deps.scorm.contentOrigin;
      // Before the transaction: the key may be read from the database (one connection on PGlite).
      const key = await deps.scorm.key();
      return db.transaction(async (tx) => {
        const { pkg } = await learnerPackage(tx, ctx, moduleId);
        if (!origin) throw m.noContentOrigin();
        const now = clock.now();
        const visit = randomUUID();
        await repo.startVisit(tx, { id: visit, userId: actor.id, moduleId, startedAt: now });
        const attempt = await repo.attempt(tx, pkg.id, actor.id);
        const token = contentToken(key, {
          packageId: pkg.id,
          userId: actor.id,
          expires: Math.floor(now.getTime() / 1000) + TOKEN_HOURS * 3600,
        });
        return {
          version: pkg.version,
          playerUrl: `${origin}/scorm-content/${token}/${PLAYER}`,
          contentOrigin: origin,
          cmi: cmiForLaunch(pkg.version, attempt?.cmi ?? {}, attempt?.totalSeconds ?? 0),
          seq: attempt?.seq ?? 0,
          visit,
        };
      });
    },

    /**
     * A commit of the SCORM runtime. The highest sequence number wins: an older or repeated one
     * changes nothing (a retry, the keepalive sent when the page closes, a race of two requests
     * serialised by the row lock). Time is the sum of the visits, each with the highest session time it
     * reported, capped by the wall-clock time since it began (progress.ts, `visitSeconds`).
     */
    async scormCommit(
      ctx: RequestContext,
      moduleId: number,
      commit: ScormCommit,
    ): Promise<ScormCommitResult> {
      const actor = requireActor(ctx);
      if (JSON.stringify(commit.cmi).length > SCORM_LIMITS.cmiChars) throw m.cmiTooLarge();
      return db.transaction(async (tx) => {
        const { row, pkg } = await learnerPackage(tx, ctx, moduleId);
        const progress = await repo.lockProgress(tx, actor.id, moduleId);
        const attempt = await repo.lockAttempt(tx, pkg.id, actor.id);
        const result = (saved: boolean, a: { seq: number; lessonStatus: string; totalSeconds: number }) => ({
          saved,
          seq: a.seq,
          status: a.lessonStatus,
          complete: progress.completedAt !== null,
          totalSeconds: a.totalSeconds,
        });
        if (commit.seq <= attempt.seq) return result(false, attempt);
        const visit = await repo.visit(tx, commit.visit);
        if (!visit || visit.userId !== actor.id || visit.moduleId !== moduleId) throw m.otherVisit();
        const now = clock.now();
        const derived = deriveCmi(pkg.version, commit.cmi);
        const seconds = visitSeconds({
          stored: visit.seconds,
          claimed: derived.sessionSeconds,
          startedAt: visit.startedAt,
          now,
        });
        if (seconds !== visit.seconds) await repo.setVisitSeconds(tx, visit.id, seconds);
        const total = await repo.totalSeconds(tx, actor.id, moduleId);
        const saved = {
          cmi: commit.cmi,
          lessonStatus: derived.lessonStatus,
          successStatus: derived.successStatus,
          scoreScaled: derived.scoreScaled,
          scoreRaw: derived.scoreRaw,
          location: derived.location,
          suspendData: derived.suspendData,
          totalSeconds: total,
          seq: commit.seq,
        };
        await repo.saveAttempt(tx, pkg.id, actor.id, saved);
        const quizPassed =
          row.module.quizId === null || (await deps.quizzes.passed(tx, actor.id, row.module.quizId));
        const complete =
          progress.completedAt !== null ||
          (derived.complete && total >= row.module.minMinutes * 60 && quizPassed);
        const completedAt = progress.completedAt ?? (complete ? now : null);
        await repo.saveProgress(tx, actor.id, moduleId, { activeSeconds: total, completedAt });
        await writeLedger(tx, ctx, actor.id, moduleId, total, complete);
        return { ...result(true, saved), complete };
      });
    },

    /** The grant of a content address, or null (malformed, forged, expired, or its package gone). */
    async contentGrant(token: string): Promise<(ContentGrant & { pkg: ScormPackageRow }) | null> {
      const grant = readContentToken(await deps.scorm.key(), token, Math.floor(clock.now().getTime() / 1000));
      if (!grant) return null;
      const pkg = await repo.packageById(db, grant.packageId);
      return pkg ? { ...grant, pkg } : null;
    },

    /** A file of a package, for the content origin. */
    contentFile(packageId: number, path: string) {
      return repo.packageFile(db, packageId, path);
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
