import type { FadModuleSummary } from '../../../../common/fad.js';
import type { Db } from '../../../db/client.js';
import { errors } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import type { AttendanceService } from '../attendance/index.js';
import { canManageCatalogue } from '../catalogue/index.js';
import type { QuizLookup } from '../quizzes/index.js';
import * as m from './messages.js';
import { ledgerMinutes, ledgerStepReached } from './progress.js';
import type { FadModuleRow, FadRepository } from './repository.js';
import { sessionLength, summaryOf } from './views.js';

/**
 * What the services of online modules share: who may edit, the module a learner may follow and what
 * still locks it, prerequisites and quiz checks, a module's summary, and the ledger writes.
 */
export function createFadRules(deps: {
  repo: FadRepository;
  attendance: AttendanceService;
  quizzes: QuizLookup;
}) {
  const { repo } = deps;

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
    mayEdit,
    requireEditor,
    editableModule,
    prerequisiteMap,
    checkPrerequisites,
    checkQuiz,
    summary,
    hasContent,
    writeLedger,
    learnerPackage,
    lockedBy,
    learnerModule,
  };
}

export type FadRules = ReturnType<typeof createFadRules>;
