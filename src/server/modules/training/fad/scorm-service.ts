import { randomUUID } from 'node:crypto';
import type { ScormCommit, ScormCommitResult, ScormLaunch } from '../../../../common/fad.js';
import { SCORM_LIMITS } from '../../../../common/fad.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { QuizLookup } from '../quizzes/index.js';
import * as m from './messages.js';
import { visitSeconds } from './progress.js';
import type { FadRepository, ScormPackageRow } from './repository.js';
import type { FadRules } from './rules.js';
import { cmiForLaunch, deriveCmi, jsonDepth } from './scorm/cmi.js';
import { readPackage } from './scorm/package.js';
import { type ContentGrant, contentToken, readContentToken, TOKEN_HOURS } from './scorm/token.js';

/** The player's page under a content address (a name no package file takes: see scorm/content.ts). */
export const PLAYER = '__officina/player.html';

/** SCORM modules: a module's package, the learner's launch on the content origin, the runtime's commits. */
export function createScormService(
  deps: {
    db: Db;
    repo: FadRepository;
    audit: AuditService;
    quizzes: QuizLookup;
    clock: Clock;
    /** The app's and the content's origins, and the key of content tokens (derived lazily). */
    scorm: { appOrigin: string; contentOrigin: string | undefined; key: () => Promise<Buffer> };
  },
  rules: FadRules,
) {
  const { db, repo, audit, clock } = deps;
  const { requireEditor, editableModule, learnerPackage, summary, writeLedger } = rules;

  return {
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
      if (
        jsonDepth(commit.cmi, SCORM_LIMITS.cmiDepth) > SCORM_LIMITS.cmiDepth ||
        JSON.stringify(commit.cmi).length > SCORM_LIMITS.cmiChars
      )
        throw m.cmiTooLarge();
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
  };
}
