import { createHash } from 'node:crypto';
import {
  type CompareView,
  documentFields,
  type PlanVersionSummary,
  type PlanVersionView,
  type ReorgEventKind,
  type ReorgPlanView,
  totalsOf,
} from '../../../../common/reorg-plans.js';
import {
  ADOPTED_STATUSES,
  type AdoptionAct,
  type PlanContent,
  planContent,
  type ReorgStatus,
} from '../../../../common/restructuring.js';
import { formatRomeDate } from '../../../../common/rome-time.js';
import type { Db } from '../../../db/client.js';
import { isUniqueViolation } from '../../../db/sql.js';
import type { Clock } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import type { AuditService } from '../../platform/audit/index.js';
import { diffPlans, sameAct } from './diff.js';
import { documentType } from './documents.js';
import * as m from './messages.js';
import type { PlanRow, ReorgRepository } from './repository.js';
import { canProposeFor, canReadUnit, canUseRestructuring, canValidate } from './scope.js';
import { nextStatuses, transition } from './transitions.js';

type VersionJoin = Awaited<ReturnType<ReorgRepository['versions']>>[number];

function summaryOf(v: VersionJoin): PlanVersionSummary {
  return {
    number: v.version.number,
    basedOn: v.version.basedOn,
    state: v.version.state,
    summary: v.version.summary,
    proposedBy: { id: v.version.proposedBy, name: v.proposerName },
    proposedAt: v.version.proposedAt.toISOString(),
    decidedBy: v.version.decidedBy ? { id: v.version.decidedBy, name: v.deciderName ?? '' } : null,
    decidedAt: v.version.decidedAt?.toISOString() ?? null,
    decisionNote: v.version.decisionNote,
  };
}

/** Stored content read through the schema, so defaults added later apply to old versions too. */
const contentOf = (raw: unknown): PlanContent => planContent.parse(raw);

function versionView(v: VersionJoin): PlanVersionView {
  const content = contentOf(v.version.content);
  return { ...summaryOf(v), content, totals: totalsOf(content) };
}

const ACT_TYPE: Record<AdoptionAct['type'], string> = {
  decreto_presidenziale: 'decreto presidenziale',
  delibera_consiliare: 'delibera consiliare',
};
const actLabel = (a: AdoptionAct | null) =>
  a ? `${ACT_TYPE[a.type]} n. ${a.number} del ${formatRomeDate(a.date)}` : 'nessuno';

/** Recorded (in Italian, like the rest of the history) when a version validated on an adopted plan changes its act. */
const actChangedNote = (before: AdoptionAct | null, after: AdoptionAct) =>
  `Piano già adottato: l’atto di adozione cambia da ${actLabel(before)} a ${actLabel(after)}.`;

/**
 * A unit's restructuring plan: read (made the first time it is asked for), proposals of new versions
 * and the task force's decisions, the workflow status, the comparison of two versions, documents.
 * Every change is one transaction with its event in the plan's history and an audit record.
 */
export function createReorgService(deps: {
  db: Db;
  repo: ReorgRepository;
  audit: AuditService;
  clock: Clock;
}) {
  const { db, repo, audit, clock } = deps;

  /** The unit, if the caller may see its plan; another unit is answered 404, as if absent. */
  async function readableUnit(ctx: RequestContext, unitId: number) {
    if (!canUseRestructuring(ctx.actor)) throw errors.forbidden();
    if (!canReadUnit(ctx.actor, unitId)) throw errors.notFound(m.UNIT);
    const unit = await repo.unit(db, unitId);
    if (!unit) throw errors.notFound(m.UNIT);
    return unit;
  }

  async function event(
    tx: Db,
    ctx: RequestContext,
    plan: PlanRow,
    e: { kind: ReorgEventKind; from?: ReorgStatus; to?: ReorgStatus; version?: number; note?: string },
    details: Record<string, unknown> = {},
  ) {
    const at = clock.now();
    await repo.insertEvent(tx, {
      planId: plan.id,
      kind: e.kind,
      fromStatus: e.from ?? null,
      toStatus: e.to ?? null,
      version: e.version ?? null,
      note: e.note ?? '',
      actorId: ctx.actor?.id ?? null,
      at,
    });
    await audit.record(tx, ctx, {
      action: `reorg_plan.${e.kind}`,
      entityType: 'reorg_plan',
      entityId: plan.id,
      unitId: plan.unitId,
      details: { ...details, ...(e.from ? { from: e.from, to: e.to } : {}), version: e.version ?? null },
    });
  }

  async function view(ctx: RequestContext, unitId: number): Promise<ReorgPlanView> {
    const unit = await readableUnit(ctx, unitId);
    const plan = await repo.ensurePlan(db, unitId);
    const versions = await repo.versions(db, plan.id);
    const current = versions.find(
      (v) => v.version.number === plan.currentVersion && v.version.state === 'validata',
    );
    const pending = versions.find((v) => v.version.state === 'proposta');
    const mayPropose = canProposeFor(ctx.actor, unitId);
    const taskForce = canValidate(ctx.actor);
    return {
      unit,
      status: plan.status,
      revision: plan.revision,
      currentVersion: plan.currentVersion,
      current: current ? versionView(current) : null,
      pending: pending ? versionView(pending) : null,
      versions: versions.map(summaryOf),
      events: (await repo.events(db, plan.id)).map(({ event: e, actor }) => ({
        id: e.id,
        kind: e.kind as ReorgEventKind,
        fromStatus: e.fromStatus as ReorgStatus | null,
        toStatus: e.toStatus as ReorgStatus | null,
        version: e.version,
        note: e.note,
        actor,
        at: e.at.toISOString(),
      })),
      documents: (await repo.documents(db, plan.id)).map(({ uploadedById: _, ...d }) => ({
        ...d,
        uploadedAt: d.uploadedAt.toISOString(),
        canRemove: mayPropose,
      })),
      allowed: {
        propose: mayPropose && !pending,
        decide: taskForce && !!pending,
        withdraw: !!pending && pending.version.proposedBy === ctx.actor?.id,
        upload: mayPropose,
        statuses: nextStatuses(plan.status, { unit: mayPropose, taskForce }),
      },
      updatedAt: plan.updatedAt.toISOString(),
    };
  }

  return {
    view,

    /** A new version, awaiting the task force; refused if the current version moved or one already waits. */
    async propose(
      ctx: RequestContext,
      unitId: number,
      input: { basedOn: number; summary: string; content: PlanContent },
    ) {
      await readableUnit(ctx, unitId);
      if (!canProposeFor(ctx.actor, unitId)) throw errors.forbidden();
      const actor = requireActor(ctx);
      try {
        await db.transaction(async (tx) => {
          // Made inside the transaction: a refused proposal leaves nothing behind.
          await repo.ensurePlan(tx, unitId);
          const plan = await repo.planOf(tx, unitId, { lock: true });
          if (!plan) throw errors.notFound(m.UNIT);
          if (plan.currentVersion !== input.basedOn) throw m.staleVersion(plan.currentVersion);
          if (await repo.pending(tx, plan.id)) throw m.pendingExists();
          const number = await repo.nextNumber(tx, plan.id);
          await repo.insertVersion(tx, {
            planId: plan.id,
            number,
            basedOn: input.basedOn,
            state: 'proposta',
            content: input.content,
            summary: input.summary,
            proposedBy: actor.id,
            proposedAt: clock.now(),
          });
          await event(tx, ctx, plan, { kind: 'proposed', version: number, note: input.summary });
          // The first proposal starts the work on the plan.
          if (plan.status === 'non_avviato') {
            const moved = await repo.setStatus(tx, plan.id, plan.revision, 'in_predisposizione', clock.now());
            if (!moved) throw m.staleStatus();
            await event(tx, ctx, plan, {
              kind: 'status',
              from: 'non_avviato',
              to: 'in_predisposizione',
              version: plan.currentVersion,
            });
          } else await repo.touch(tx, plan.id, clock.now());
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw m.pendingExists();
        throw err;
      }
      return view(ctx, unitId);
    },

    /** The task force validates (it becomes current) or rejects (with a note) the waiting proposal. */
    async decide(
      ctx: RequestContext,
      unitId: number,
      number: number,
      input: { decision: 'validata' | 'respinta'; note: string },
    ) {
      await readableUnit(ctx, unitId);
      if (!canValidate(ctx.actor)) throw errors.forbidden();
      const actor = requireActor(ctx);
      await db.transaction(async (tx) => {
        const plan = await repo.planOf(tx, unitId, { lock: true });
        const found = plan && (await repo.version(tx, plan.id, number));
        if (!plan || !found) throw errors.notFound(m.VERSION);
        if (input.decision === 'validata' && found.version.basedOn !== plan.currentVersion)
          throw m.staleVersion(plan.currentVersion);
        // An adopted plan keeps an act: its new current version must carry one; a different act is noted.
        let actNote = '';
        if (input.decision === 'validata' && ADOPTED_STATUSES.includes(plan.status)) {
          const act = contentOf(found.version.content).act;
          if (!act) throw m.adoptedNeedsAct();
          const current = plan.currentVersion ? await repo.version(tx, plan.id, plan.currentVersion) : null;
          const before = current ? contentOf(current.version.content).act : null;
          if (!sameAct(before, act)) actNote = actChangedNote(before, act);
        }
        const at = clock.now();
        const decided = await repo.decide(tx, plan.id, number, {
          state: input.decision,
          by: actor.id,
          at,
          note: input.note,
        });
        if (!decided) throw m.alreadyDecided();
        if (input.decision === 'validata') {
          if (!(await repo.setCurrent(tx, plan.id, plan.revision, number, at))) throw m.staleStatus();
        } else await repo.touch(tx, plan.id, at);
        await event(
          tx,
          ctx,
          plan,
          {
            kind: input.decision === 'validata' ? 'validated' : 'rejected',
            version: number,
            note: [input.note, actNote].filter(Boolean).join(' — '),
          },
          actNote ? { actChanged: true } : {},
        );
      });
      return view(ctx, unitId);
    },

    /** Who proposed a version withdraws it while it still waits: it stays in the history as withdrawn. */
    async withdraw(ctx: RequestContext, unitId: number, number: number) {
      await readableUnit(ctx, unitId);
      if (!canProposeFor(ctx.actor, unitId)) throw errors.forbidden();
      const actor = requireActor(ctx);
      await db.transaction(async (tx) => {
        const plan = await repo.planOf(tx, unitId, { lock: true });
        const found = plan && (await repo.version(tx, plan.id, number));
        if (!plan || !found) throw errors.notFound(m.VERSION);
        if (found.version.state !== 'proposta') throw m.alreadyDecided();
        if (found.version.proposedBy !== actor.id) throw m.notProposer();
        if (!(await repo.withdrawProposal(tx, plan.id, number))) throw m.alreadyDecided();
        await repo.touch(tx, plan.id, clock.now());
        await event(tx, ctx, plan, { kind: 'withdrawn', version: number, note: found.version.summary });
      });
      return view(ctx, unitId);
    },

    /** Moves the workflow, by the transitions table, if the plan is still at the revision the caller saw. */
    async setStatus(
      ctx: RequestContext,
      unitId: number,
      input: { to: ReorgStatus; revision: number; note: string },
    ) {
      await readableUnit(ctx, unitId);
      if (!canProposeFor(ctx.actor, unitId)) throw errors.forbidden();
      await db.transaction(async (tx) => {
        const plan = await repo.ensurePlan(tx, unitId);
        if (plan.revision !== input.revision) throw m.staleStatus();
        const step = transition(plan.status, input.to);
        if (!step) throw m.transitionRefused(plan.status, input.to);
        if (step.by === 'taskForce' && !canValidate(ctx.actor)) throw errors.forbidden();
        if (step.needsAct || input.to === 'adottato') {
          const current = plan.currentVersion ? await repo.version(tx, plan.id, plan.currentVersion) : null;
          const act = current ? contentOf(current.version.content).act : null;
          if (!act) throw m.actRequired();
          // Asked for an update since the last adoption (by whatever path the plan came back here):
          // adopting again needs a version validated after the request, with another act.
          const asked = await repo.lastUpdateRequest(tx, plan.id);
          const adopted = await repo.lastAdoption(tx, plan.id);
          if (asked && (!adopted || asked.id > adopted.id)) {
            const then = asked.version ?? 0;
            if (plan.currentVersion <= then) throw m.newActRequired();
            const old = then ? await repo.version(tx, plan.id, then) : null;
            if (old && sameAct(contentOf(old.version.content).act, act)) throw m.newActRequired();
          }
        }
        // Conditional on the revision: of two changes racing, the second finds it moved and is refused.
        const moved = await repo.setStatus(tx, plan.id, input.revision, input.to, clock.now());
        if (!moved) throw m.staleStatus();
        await event(tx, ctx, plan, {
          kind: 'status',
          from: plan.status,
          to: input.to,
          version: plan.currentVersion,
          note: input.note,
        });
      });
      return view(ctx, unitId);
    },

    /** Two versions side by side (`from` 0: against an empty plan). */
    async compare(ctx: RequestContext, unitId: number, from: number, to: number): Promise<CompareView> {
      const unit = await readableUnit(ctx, unitId);
      const plan = await repo.planOf(db, unitId);
      const a = plan && from ? await repo.version(db, plan.id, from) : null;
      const b = plan && (await repo.version(db, plan.id, to));
      if ((from && !a) || !b) throw errors.notFound(m.VERSION);
      return {
        unit,
        from: a ? summaryOf(a) : null,
        to: summaryOf(b),
        diff: diffPlans(a ? contentOf(a.version.content) : null, contentOf(b.version.content), { from, to }),
      };
    },

    /** Refuses an upload before its file is read: the caller must see the unit and propose for it. */
    async assertCanUpload(ctx: RequestContext, unitId: number) {
      await readableUnit(ctx, unitId);
      if (!canProposeFor(ctx.actor, unitId)) throw errors.forbidden();
    },

    /** Stores a document whose bytes are one of the accepted types, with its SHA-256. */
    async upload(
      ctx: RequestContext,
      unitId: number,
      file: { buffer: Buffer; filename: string; fields: { kind?: string; title?: string } },
    ) {
      await readableUnit(ctx, unitId);
      if (!canProposeFor(ctx.actor, unitId)) throw errors.forbidden();
      const actor = requireActor(ctx);
      const fields = documentFields.safeParse(file.fields);
      if (!fields.success) throw m.badFields();
      const title = fields.data.title || file.filename.slice(0, 200);
      const type = documentType(file.buffer, file.filename);
      if (!type) throw m.fileTypeRefused(file.filename);
      const sha256 = createHash('sha256').update(file.buffer).digest('hex');
      await db.transaction(async (tx) => {
        const plan = await repo.ensurePlan(tx, unitId);
        const id = await repo.insertDocument(tx, {
          planId: plan.id,
          kind: fields.data.kind,
          title,
          fileName: file.filename,
          mediaType: type.mediaType,
          sizeBytes: file.buffer.length,
          sha256,
          content: file.buffer,
          uploadedBy: actor.id,
          uploadedAt: clock.now(),
        });
        await repo.touch(tx, plan.id, clock.now());
        await event(
          tx,
          ctx,
          plan,
          { kind: 'document_added', note: title },
          { documentId: id, fileName: file.filename, sha256, sizeBytes: file.buffer.length },
        );
      });
      return view(ctx, unitId);
    },

    async download(ctx: RequestContext, unitId: number, documentId: number) {
      await readableUnit(ctx, unitId);
      const plan = await repo.planOf(db, unitId);
      const doc = plan && (await repo.document(db, plan.id, documentId));
      if (!doc) throw errors.notFound(m.DOCUMENT);
      return doc;
    },

    /** Hides a document (it stays stored for the history). */
    async removeDocument(ctx: RequestContext, unitId: number, documentId: number) {
      await readableUnit(ctx, unitId);
      if (!canProposeFor(ctx.actor, unitId)) throw errors.forbidden();
      await db.transaction(async (tx) => {
        const plan = await repo.planOf(tx, unitId);
        const doc = plan && (await repo.document(tx, plan.id, documentId));
        if (!plan || !doc) throw errors.notFound(m.DOCUMENT);
        if (!(await repo.removeDocument(tx, doc.id, clock.now()))) throw errors.notFound(m.DOCUMENT);
        await repo.touch(tx, plan.id, clock.now());
        await event(tx, ctx, plan, { kind: 'document_removed', note: doc.title }, { documentId: doc.id });
      });
      return view(ctx, unitId);
    },
  };
}

export type ReorgService = ReturnType<typeof createReorgService>;
