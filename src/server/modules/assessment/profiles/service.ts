import type { AuditAction } from '../../../../common/audit.js';
import type {
  ExpectationChange,
  ImportReport,
  JobProfileList,
  ProfileExpectationsView,
} from '../../../../common/profiles.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import type { UnitLookup } from '../../identity/units/index.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { FrameworkService } from '../framework/index.js';
import { readProfileCsv, readUpload, writeProfileCsv } from './file-format.js';
import { JOB_PROFILE, refuseFile, staleLevels, UNIT, unknownCompetencies } from './messages.js';
import { canEditNational, canEditUnitLevels, canReadProfiles, ownUnit } from './policy.js';
import type { ProfilesRepository } from './repository.js';

export type ProfilesDeps = {
  db: Db;
  repo: ProfilesRepository;
  audit: AuditService;
  clock: Clock;
  framework: FrameworkService;
  units: UnitLookup;
};

type Scope = { jobProfileCode: string; unitId: number | null };

/**
 * Expected levels per job profile: reading them against the published framework (national, the
 * unit's override, the effective level; levels on codes the framework no longer has as orphans),
 * saving them cell by cell, CSV export and import.
 *
 * Concurrency: a save locks the job profile's row, so saves of one profile run one after the other,
 * and writes each level with an upsert on the table's unique key. A change may carry the level its
 * sender last saw (`previous`): if the stored level differs, the whole save is refused with 409 —
 * two people editing the same cell cannot overwrite each other unawares, while changes to different
 * cells both stay.
 */
export function createProfilesService(deps: ProfilesDeps) {
  const { db, repo, audit, clock, framework, units } = deps;

  async function unitOf(unitId: number | null) {
    if (unitId === null) return null;
    const unit = await units.findById(db, unitId);
    if (!unit) throw errors.notFound(UNIT);
    return { id: unit.id, name: unit.name };
  }

  async function profileOf(tx: Db, code: string) {
    const p = await repo.jobProfile(tx, code);
    if (!p?.active) throw errors.notFound(JOB_PROFILE);
    return p;
  }

  /** Checks who may write where, then that the profile and the unit exist. */
  async function writable(ctx: RequestContext, s: Scope) {
    requireActor(ctx);
    const allowed = s.unitId === null ? canEditNational(ctx.actor) : canEditUnitLevels(ctx.actor, s.unitId);
    if (!allowed) throw errors.forbidden();
    await profileOf(db, s.jobProfileCode);
    await unitOf(s.unitId);
  }

  /**
   * Applies changes inside the caller's transaction after locking the profile: every code must be a
   * published competency (or, to remove it, a level already stored), every `previous` must still hold.
   */
  async function apply(tx: Db, ctx: RequestContext, s: Scope, changes: ExpectationChange[]) {
    if (!(await repo.lockJobProfile(tx, s.jobProfileCode))) throw errors.notFound(JOB_PROFILE);
    const published = await repo.publishedCodes(tx);
    const stored = new Map(
      (await repo.levels(tx, s.jobProfileCode, s.unitId)).map((r) => [r.competencyCode, r.level]),
    );
    const unknown = changes
      .filter((c) => !published.has(c.competencyCode) && !(c.level === null && stored.has(c.competencyCode)))
      .map((c) => c.competencyCode);
    if (unknown.length) throw unknownCompetencies(unknown);
    const stale = changes
      .filter((c) => c.previous !== undefined && (stored.get(c.competencyCode) ?? null) !== c.previous)
      .map((c) => ({ code: c.competencyCode, stored: stored.get(c.competencyCode) ?? null }));
    if (stale.length) throw staleLevels(stale);

    const by = { at: clock.now(), userId: requireActor(ctx).id };
    const changed: { code: string; before: number | null; after: number | null }[] = [];
    for (const c of changes) {
      const before = stored.get(c.competencyCode) ?? null;
      if (before === c.level) continue;
      const key = { ...s, competencyCode: c.competencyCode };
      if (c.level === null) await repo.remove(tx, key);
      else await repo.upsert(tx, key, c.level, by);
      changed.push({ code: c.competencyCode, before, after: c.level });
    }
    return {
      changed,
      report: {
        set: changed.filter((c) => c.after !== null).length,
        removed: changed.filter((c) => c.after === null).length,
        unchanged: changes.length - changed.length,
      } satisfies ImportReport,
    };
  }

  const auditChanges = (
    tx: Db,
    ctx: RequestContext,
    action: AuditAction,
    s: Scope,
    changed: { code: string; before: number | null; after: number | null }[],
    extra: Record<string, unknown> = {},
  ) =>
    audit.record(tx, ctx, {
      action,
      entityType: 'job_profile',
      entityId: s.jobProfileCode,
      unitId: s.unitId,
      details: { scope: s.unitId === null ? 'national' : 'unit', changes: changed, ...extra },
    });

  const service = {
    /** Job profiles with how many competencies each expects (and the unit's overrides, for a unit). */
    async list(ctx: RequestContext, q: { unit?: number | undefined }): Promise<JobProfileList> {
      const unitId = q.unit ?? ownUnit(ctx.actor);
      if (!canReadProfiles(ctx.actor, unitId)) throw errors.forbidden();
      const unit = await unitOf(unitId);
      const [profiles, counts] = await Promise.all([repo.jobProfiles(db), repo.counts(db, unitId)]);
      return {
        unit,
        items: profiles.map((p) => ({
          code: p.code,
          name: { it: p.nameIt, en: p.nameEn },
          national: counts.national.get(p.code) ?? 0,
          overrides: unitId === null ? null : (counts.overrides.get(p.code) ?? 0),
        })),
      };
    },

    /** A profile's levels on the published framework, domain → area → competency. */
    async get(
      ctx: RequestContext,
      code: string,
      q: { unit?: number | undefined },
    ): Promise<ProfileExpectationsView> {
      const unitId = q.unit ?? null;
      if (!canReadProfiles(ctx.actor, unitId)) throw errors.forbidden();
      const profile = await profileOf(db, code);
      const unit = await unitOf(unitId);
      const summary = (await framework.list(ctx)).items.find((v) => v.status === 'published');
      const [tree, nationalRows, unitRows] = await Promise.all([
        summary ? framework.get(ctx, summary.id) : null,
        repo.levels(db, code, null),
        unitId === null ? [] : repo.levels(db, code, unitId),
      ]);
      const national = new Map(nationalRows.map((r) => [r.competencyCode, r.level]));
      const local = new Map(unitRows.map((r) => [r.competencyCode, r.level]));
      const codes = new Set<string>();
      const domains = (tree?.domains ?? []).map((d) => ({
        code: d.code,
        name: d.name,
        areas: d.areas.map((a) => ({
          code: a.code,
          name: a.name,
          competencies: a.competencies.map((c) => {
            codes.add(c.code);
            const n = national.get(c.code) ?? null;
            const o = local.get(c.code) ?? null;
            return {
              code: c.code,
              name: c.name,
              description: c.description,
              levels: c.levels,
              national: n,
              override: o,
              effective: o ?? n,
            };
          }),
        })),
      }));
      const orphans = [...nationalRows, ...unitRows]
        .filter((r) => !codes.has(r.competencyCode))
        .map((r) => ({ competencyCode: r.competencyCode, unitId: r.unitId, level: r.level }));
      return {
        jobProfile: { code: profile.code, name: { it: profile.nameIt, en: profile.nameEn } },
        framework: tree ? { id: tree.id, version: tree.version } : null,
        unit,
        canEditNational: canEditNational(ctx.actor),
        canEditUnit: unitId !== null && canEditUnitLevels(ctx.actor, unitId),
        domains,
        orphans,
      };
    },

    /** Sets or removes levels (national, or the unit's overrides), all or none. */
    async set(
      ctx: RequestContext,
      code: string,
      q: { unit?: number | undefined },
      changes: ExpectationChange[],
    ) {
      const s = { jobProfileCode: code, unitId: q.unit ?? null };
      await writable(ctx, s);
      await db.transaction(async (tx) => {
        const { changed } = await apply(tx, ctx, s, changes);
        if (changed.length) await auditChanges(tx, ctx, 'profiles.levels_set', s, changed);
      });
      return service.get(ctx, code, q);
    },

    async exportCsv(ctx: RequestContext, code: string, q: { unit?: number | undefined }) {
      const unitId = q.unit ?? null;
      if (!canReadProfiles(ctx.actor, unitId)) throw errors.forbidden();
      await profileOf(db, code);
      await unitOf(unitId);
      const rows = await repo.levels(db, code, unitId);
      return writeProfileCsv(code, rows);
    },

    /** A CSV of levels: applied only when every row is right; otherwise every row's problem, nothing applied. */
    async importCsv(
      ctx: RequestContext,
      code: string,
      q: { unit?: number | undefined },
      upload: { buffer: Buffer; filename: string },
    ): Promise<ImportReport> {
      const s = { jobProfileCode: code, unitId: q.unit ?? null };
      await writable(ctx, s);
      const text = readUpload(upload.buffer, upload.filename);
      return db.transaction(async (tx) => {
        // Read under the lock `apply` takes again (re-entrant in one transaction), so the check and the write agree.
        await repo.lockJobProfile(tx, code);
        const published = await repo.publishedCodes(tx);
        const stored = new Set((await repo.levels(tx, code, s.unitId)).map((r) => r.competencyCode));
        const read = readProfileCsv(
          text,
          code,
          (c, level) => published.has(c) || (level === null && stored.has(c)),
        );
        if (!read.ok) refuseFile(read.problems);
        const changes = read.rows.map((r) => ({ competencyCode: r.competencyCode, level: r.level }));
        const { changed, report } = await apply(tx, ctx, s, changes);
        await auditChanges(tx, ctx, 'profiles.imported', s, changed, {
          filename: upload.filename,
          ...report,
        });
        return report;
      });
    },
  };
  return service;
}

export type ProfilesService = ReturnType<typeof createProfilesService>;
