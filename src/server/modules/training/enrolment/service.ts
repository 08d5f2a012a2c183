import type { z } from 'zod';
import { type EnrolmentStanding, SELF_ENROLMENT_REFUSALS } from '../../../../common/catalogue.js';
import {
  ACTIVE_ENROLMENT_STATUSES,
  type Enrolment,
  type EnrolmentStatus,
  type enrolmentQuery,
  type quotasBody,
  type SeatSummary,
} from '../../../../common/enrolment.js';
import type { Db } from '../../../db/client.js';
import { isUniqueViolation } from '../../../db/sql.js';
import { createBatches, type Settled } from '../../../kernel/batches.js';
import type { Clock } from '../../../kernel/clock.js';
import { AppError, errors } from '../../../kernel/errors.js';
import type { EventBus } from '../../../kernel/events.js';
import { isNationalAdmin, type RequestContext, requireActor } from '../../../kernel/principal.js';
import type { UnitLookup } from '../../identity/units/index.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { EditionsService, PathsService } from '../catalogue/index.js';
import { isEligible } from '../catalogue/index.js';
import type { OfficerNotices } from './officer-notices.js';
import type { Placement } from './placement.js';
import {
  canAdministerEnrolment,
  canDecideEnrolments,
  canDecideFor,
  canReadSeats,
  enrolmentScope,
} from './policy.js';
import type { EditionRow, EnrolmentRepository, EnrolmentRow, EnrolmentView } from './repository.js';
import { cancellationDeadline, checkEnrollable, EDITION, ENROLMENT, rules } from './rules.js';
import { confirmedTotal } from './seats.js';

const ACTIVE = ACTIVE_ENROLMENT_STATUSES;

/** The most self-enrolments of one edition decided in one transaction. */
const SELF_ENROLMENT_BATCH = 200;

/** A self-enrolment that passed the checks made without the lock, waiting for its edition's batch. */
type SelfEnrolment = {
  ctx: RequestContext;
  person: { id: string; name: string; email: string; unitId: number | null; locale: string };
  found: { edition: EditionRow; path: { title: string } };
};

export type EnrolmentService = ReturnType<typeof createEnrolmentService>;

export function createEnrolmentService(deps: {
  db: Db;
  repo: EnrolmentRepository;
  placement: Placement;
  /** Tells the learner's Province officers of requests awaiting them and of cancellations. */
  officers: Pick<OfficerNotices, 'requestAwaiting' | 'cancelled'>;
  paths: PathsService;
  /** Who trains and who manages an edition: its trainers read its seats, its managers administer them. */
  editions: Pick<EditionsService, 'trains' | 'manages'>;
  units: UnitLookup;
  audit: AuditService;
  mail: { kick: () => void };
  /** Tells that a confirmed enrolment was cancelled or moved (attendance withdraws its completion). */
  events: EventBus;
  clock: Clock;
}) {
  const { db, repo, placement, audit, clock } = deps;

  function toEnrolment(v: EnrolmentView, now = clock.now()): Enrolment {
    const e = v.enrolment;
    const deadline = cancellationDeadline({
      startsOn: v.startsOn,
      cancellationClosesAt: v.cancellationClosesAt,
    });
    return {
      id: e.id,
      editionId: e.editionId,
      editionTitle: v.editionTitle,
      editionStatus: v.editionStatus,
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      pathTitle: v.pathTitle,
      pathSlug: v.pathSlug,
      userId: e.userId,
      userName: v.userName,
      userEmail: v.userEmail,
      unitId: e.unitId,
      unitName: v.unitName,
      status: e.status,
      waitlistPosition: v.waitlistPosition,
      nominatedByName: v.nominatedByName,
      requestedAt: e.requestedAt.toISOString(),
      queuedAt: v.queuedAt.toISOString(),
      confirmedAt: e.confirmedAt?.toISOString() ?? null,
      decidedAt: e.decidedAt?.toISOString() ?? null,
      decisionReason: e.decisionReason,
      cancelledAt: e.cancelledAt?.toISOString() ?? null,
      cancelReason: e.cancelReason,
      minutesAttended: e.minutesAttended,
      finalTestPassed: e.finalTestPassed,
      completedOn: e.completedOn,
      cancellable:
        ACTIVE.includes(e.status) &&
        now < deadline &&
        (v.editionStatus === 'published' || v.editionStatus === 'closed'),
    };
  }

  async function view(id: number, tx: Db = db) {
    const v = await repo.viewById(tx, id);
    if (!v) throw errors.notFound(ENROLMENT);
    return toEnrolment(v);
  }

  /** Creates an enrolment for a person in a locked edition: pending, confirmed or waitlisted. */
  async function enrolIn(
    tx: Db,
    ctx: RequestContext,
    edition: EditionRow,
    person: { id: string; unitId: number | null },
    opts: { nominatedBy: string | null; skipApproval: boolean; moved?: boolean },
  ) {
    if (await repo.findActive(tx, edition.id, person.id)) throw rules.alreadyEnrolled();
    const stamp = await repo.stamp(tx);
    const base = {
      editionId: edition.id,
      userId: person.id,
      unitId: person.unitId,
      nominatedBy: opts.nominatedBy,
      queueNo: stamp.queueNo,
      requestedAt: stamp.at,
    };
    const row =
      edition.approvalRequired && !opts.skipApproval
        ? await repo.insert(tx, { ...base, status: 'pending' })
        : await repo.insert(tx, { ...base, ...(await placement.place(tx, ctx, edition, person.unitId)) });
    await audit.record(tx, ctx, {
      action: opts.nominatedBy ? 'enrolment.nominated' : 'enrolment.created',
      entityType: 'enrolment',
      entityId: row.id,
      details: { editionId: edition.id, userId: person.id, status: row.status },
    });
    const position = row.status === 'waitlisted' ? await placement.position(tx, row) : null;
    await placement.notify(
      tx,
      row,
      opts.moved
        ? { kind: 'moved', to: edition.title, position }
        : position
          ? { kind: 'waitlisted', position }
          : { kind: row.status as 'pending' | 'confirmed' },
    );
    if (row.status === 'pending') await deps.officers.requestAwaiting(tx, row);
    return row;
  }

  /** Runs a seat-changing step in a transaction with the edition locked; maps a duplicate to 409. */
  async function withEdition<T>(editionId: number, fn: (tx: Db, edition: EditionRow) => Promise<T>) {
    try {
      const out = await db.transaction(async (tx) => {
        const edition = await repo.lockEdition(tx, editionId);
        if (!edition) throw errors.notFound(EDITION);
        return fn(tx, edition);
      });
      deps.mail.kick();
      return out;
    } catch (err) {
      if (isUniqueViolation(err)) throw rules.alreadyEnrolled();
      throw err;
    }
  }

  /** A batch of self-enrolments decided, then the answers read in one query once it committed. */
  async function enrolBatch(editionId: number, items: SelfEnrolment[]): Promise<Settled<Enrolment>[]> {
    const decided = await decideOrRetry(editionId, items);
    const ids = decided.flatMap((d) => (d.ok ? [d.value.id] : []));
    const views = new Map(
      ((await repo.viewsByIds(db, ids).catch(() => null)) ?? []).map((v) => [v.enrolment.id, v]),
    );
    const now = clock.now();
    return Promise.all(
      decided.map(async (d): Promise<Settled<Enrolment>> => {
        if (!d.ok) return d;
        const v = views.get(d.value.id);
        if (v) return { ok: true, value: toEnrolment(v, now) };
        // The enrolments are committed: a failed shared read is tried again for each, so it fails one answer at most.
        try {
          return { ok: true, value: await view(d.value.id) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  }

  /**
   * Self-enrolments of one edition decided together: one transaction, one lock, one statement each for
   * the enrolments, their audit records and their e-mails, in arrival order. Under the lock only what
   * may have changed since the caller's checks is read again: the edition's status and window (from
   * the locked row), who already holds an active enrolment, and the seats. A batch that fails for a
   * reason of its own is decided again one request at a time, so one request cannot fail the others.
   */
  async function decideOrRetry(editionId: number, items: SelfEnrolment[]): Promise<Settled<EnrolmentRow>[]> {
    try {
      return await withEdition(editionId, (tx, edition) => decideBatch(tx, edition, items));
    } catch (err) {
      if (items.length === 1) return [{ ok: false, error: err }];
      const out: Settled<EnrolmentRow>[] = [];
      for (const item of items) out.push(...(await decideOrRetry(editionId, [item])));
      return out;
    }
  }

  async function decideBatch(tx: Db, edition: EditionRow, items: SelfEnrolment[]) {
    const out: Settled<EnrolmentRow>[] = items.map(() => ({ ok: false, error: rules.alreadyEnrolled() }));
    try {
      checkEnrollable(edition, clock.now(), { bypassWindow: false });
    } catch (error) {
      return items.map(() => ({ ok: false as const, error }));
    }
    // Active enrolments, and a person twice in the batch: only their first request goes on.
    const taken = await repo.activeAmong(
      tx,
      edition.id,
      items.map((i) => i.person.id),
    );
    const going: number[] = [];
    items.forEach((item, i) => {
      if (taken.has(item.person.id)) return;
      taken.add(item.person.id);
      going.push(i);
    });
    if (!going.length) return out;
    const admitted = going.map((i) => items[i] as SelfEnrolment);
    const stamps = await repo.stamps(tx, admitted.length);
    const pending = edition.approvalRequired;
    const placed = pending
      ? admitted.map(() => ({ status: 'pending' as const }))
      : await placement.placeMany(
          tx,
          (admitted[0] as SelfEnrolment).ctx,
          edition,
          admitted.map((a) => a.person.unitId),
        );
    const rows = await repo.insertMany(
      tx,
      admitted.map((a, k) => {
        const stamp = stamps[k] as { queueNo: number; at: Date };
        const p = placed[k] as (typeof placed)[number];
        return {
          editionId: edition.id,
          userId: a.person.id,
          unitId: a.person.unitId,
          nominatedBy: null,
          queueNo: stamp.queueNo,
          requestedAt: stamp.at,
          status: p.status,
          ...('confirmedAt' in p ? { confirmedAt: p.confirmedAt } : {}),
        };
      }),
    );
    await audit.recordMany(
      tx,
      rows.map((row, k) => ({
        ctx: (admitted[k] as SelfEnrolment).ctx,
        rec: {
          action: 'enrolment.created' as const,
          entityType: 'enrolment' as const,
          entityId: row.id,
          details: { editionId: edition.id, userId: row.userId, status: row.status },
        },
      })),
    );
    await placement.notifyMany(
      tx,
      rows.map((row, k) => {
        const a = admitted[k] as SelfEnrolment;
        const p = placed[k] as (typeof placed)[number];
        return {
          person: a.person,
          found: { edition, path: a.found.path },
          event:
            'position' in p
              ? { kind: 'waitlisted' as const, position: p.position }
              : { kind: row.status as 'pending' | 'confirmed' },
        };
      }),
    );
    for (const row of rows) if (row.status === 'pending') await deps.officers.requestAwaiting(tx, row);
    rows.forEach((row, k) => {
      out[going[k] as number] = { ok: true, value: row };
    });
    return out;
  }

  const selfEnrolments = createBatches(enrolBatch, { maxBatch: SELF_ENROLMENT_BATCH });

  type FoundEdition = NonNullable<Awaited<ReturnType<EnrolmentRepository['findEdition']>>>;

  /** Whether a unit's staff may attend an edition's path. */
  async function eligibleFor(tx: Db, found: FoundEdition, unitId: number | null) {
    return isEligible(await deps.paths.eligibilityRule(found.path, tx), unitId);
  }

  async function eligible(tx: Db, editionId: number, unitId: number | null) {
    const found = await repo.findEdition(tx, editionId);
    if (!found) throw errors.notFound(EDITION);
    return eligibleFor(tx, found, unitId);
  }

  /**
   * What stands between a person and enrolling themselves in an edition, in the order `enrol` checks it:
   * throws the refusal (the edition's status or window, the path's eligibility, an active enrolment).
   * `enrol` leaves the active enrolment to its batch, which checks it again under the edition's lock.
   */
  async function checkSelfEnrolment(
    tx: Db,
    found: FoundEdition,
    person: { id: string; unitId: number | null },
    opts: { active: boolean },
  ) {
    checkEnrollable(found.edition, clock.now(), { bypassWindow: false });
    if (!(await eligibleFor(tx, found, person.unitId))) throw rules.notEligible();
    if (opts.active && (await repo.findActive(tx, found.edition.id, person.id)))
      throw rules.alreadyEnrolled();
  }

  async function trains(tx: Db, ctx: RequestContext, editionId: number) {
    return !!ctx.actor && (await deps.editions.trains(tx, editionId, ctx.actor.id));
  }

  async function seatSummary(editionId: number, tx: Db = db): Promise<SeatSummary> {
    const found = await repo.findEdition(tx, editionId);
    if (!found) throw errors.notFound(EDITION);
    const state = await repo.seatState(tx, found.edition);
    const counts = await repo.countsByStatus(tx, editionId);
    const confirmed = confirmedTotal(state);
    return {
      editionId,
      capacity: found.edition.capacity,
      confirmed,
      pending: counts.pending ?? 0,
      waitlisted: counts.waitlisted ?? 0,
      seatsLeft: Math.max(0, found.edition.capacity - confirmed),
      quotas: (await repo.quotas(tx, editionId)).map((q) => ({
        ...q,
        used: state.confirmedByUnit.get(q.unitId) ?? 0,
      })),
    };
  }

  async function decidable(tx: Db, ctx: RequestContext, id: number) {
    const row = await repo.findById(tx, id);
    if (!row || !canDecideFor(ctx.actor, row.unitId)) throw errors.notFound(ENROLMENT);
    return row;
  }

  async function cancelIn(
    tx: Db,
    ctx: RequestContext,
    edition: EditionRow,
    row: EnrolmentRow,
    reason: string | null,
  ) {
    const updated = await repo.update(tx, row.id, {
      status: 'cancelled',
      cancelledAt: clock.now(),
      cancelledBy: ctx.actor?.id ?? null,
      cancelReason: reason,
    });
    await audit.record(tx, ctx, {
      action: 'enrolment.cancelled',
      entityType: 'enrolment',
      entityId: row.id,
      details: { editionId: edition.id, userId: row.userId, from: row.status, reason },
    });
    if (row.status === 'confirmed') {
      await deps.events.emit(tx, ctx, 'enrolment.left', { enrolmentId: row.id });
      await placement.promote(tx, ctx, edition);
    }
    return updated;
  }

  return {
    toEnrolment,

    /**
     * The signed-in person enrols themselves. What needs no lock is checked first, outside any
     * transaction; the request then joins the edition's next batch (see `selfEnrolments`), where the
     * seat is decided under the edition's lock.
     */
    async enrol(ctx: RequestContext, editionId: number) {
      const actor = requireActor(ctx);
      const person = await repo.person(db, actor.id);
      if (!person) throw errors.forbidden();
      const found = await repo.findEdition(db, editionId);
      if (!found) throw errors.notFound(EDITION);
      await checkSelfEnrolment(db, found, person, { active: false });
      return selfEnrolments.submit(editionId, { ctx, person, found });
    },

    /**
     * Whether the signed-in person may enrol themselves in an edition now, or the code `enrol` would
     * refuse them with: the edition's page shows the reason instead of a button that would fail.
     * Null for a visitor, or an edition that does not exist.
     */
    async standing(ctx: RequestContext, editionId: number): Promise<EnrolmentStanding | null> {
      if (!ctx.actor) return null;
      const person = await repo.person(db, ctx.actor.id);
      const found = await repo.findEdition(db, editionId);
      if (!person || !found) return null;
      try {
        await checkSelfEnrolment(db, found, person, { active: true });
        return { allowed: true, reason: null };
      } catch (err) {
        const reason = SELF_ENROLMENT_REFUSALS.find((r) => err instanceof AppError && err.code === r);
        if (!reason) throw err;
        return { allowed: false, reason };
      }
    },

    /** An officer (own staff) or admin enrols people; their nomination is the approval. */
    async nominate(ctx: RequestContext, editionId: number, userIds: string[]) {
      const actor = requireActor(ctx);
      if (!canDecideEnrolments(actor)) throw errors.forbidden();
      const admin = isNationalAdmin(actor);
      if (!(await repo.findEdition(db, editionId))) throw errors.notFound(EDITION);
      const people = new Map((await repo.people(db, [...new Set(userIds)])).map((p) => [p.id, p]));
      const results: {
        userId: string;
        status: EnrolmentStatus | null;
        enrolmentId: number | null;
        error: string | null;
      }[] = [];
      for (const userId of [...new Set(userIds)]) {
        const person = people.get(userId);
        try {
          if (!person || !canDecideFor(actor, person.unitId)) throw rules.notYourStaff();
          if (!person.active) throw rules.inactive();
          const row = await withEdition(editionId, async (tx, edition) => {
            checkEnrollable(edition, clock.now(), { bypassWindow: admin });
            if (!(await eligible(tx, editionId, person.unitId))) throw rules.notEligible();
            return enrolIn(tx, ctx, edition, person, { nominatedBy: actor.id, skipApproval: true });
          });
          results.push({ userId, status: row.status, enrolmentId: row.id, error: null });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          results.push({ userId, status: null, enrolmentId: null, error: err.messages[ctx.lang] });
        }
      }
      return { results };
    },

    async decide(
      ctx: RequestContext,
      id: number,
      d: { decision: 'approve' } | { decision: 'reject'; reason: string },
    ) {
      const first = await decidable(db, ctx, id);
      await withEdition(first.editionId, async (tx, edition) => {
        const row = await repo.lock(tx, id);
        if (row?.status !== 'pending') throw rules.notPending();
        // An approved request joins the queue now: its decision time is its place in the waitlist.
        const stamp = await repo.stamp(tx);
        const decided = { decidedBy: ctx.actor?.id ?? null, decidedAt: stamp.at };
        if (d.decision === 'reject') {
          const out = await repo.update(tx, id, { ...decided, status: 'rejected', decisionReason: d.reason });
          await placement.notify(tx, out, { kind: 'rejected', reason: d.reason });
        } else {
          if (['cancelled', 'completed'].includes(edition.status)) throw rules.editionOver();
          const out = await repo.update(tx, id, {
            ...decided,
            queueNo: stamp.queueNo,
            ...(await placement.place(tx, ctx, edition, row.unitId)),
          });
          await placement.notify(
            tx,
            out,
            out.status === 'confirmed'
              ? { kind: 'approved' }
              : { kind: 'approvedWaitlisted', position: await placement.position(tx, out) },
          );
        }
        await audit.record(tx, ctx, {
          action: `enrolment.${d.decision === 'approve' ? 'approved' : 'rejected'}`,
          entityType: 'enrolment',
          entityId: id,
          details: d.decision === 'reject' ? { reason: d.reason } : {},
        });
      });
      return view(id);
    },

    async cancel(ctx: RequestContext, id: number, reason: string | null) {
      const actor = requireActor(ctx);
      const first = await repo.findById(db, id);
      const own = first?.userId === actor.id;
      if (!first || (!own && !canDecideFor(actor, first.unitId))) throw errors.notFound(ENROLMENT);
      await withEdition(first.editionId, async (tx, edition) => {
        const row = await repo.lock(tx, id);
        if (!row || !ACTIVE.includes(row.status)) throw rules.notActive();
        if (own && !canDecideFor(actor, row.unitId) && clock.now() >= cancellationDeadline(edition))
          throw rules.tooLateToCancel(cancellationDeadline(edition), ctx.lang);
        const out = await cancelIn(tx, ctx, edition, row, reason);
        // The learner gets a confirmation (or is told who cancelled it); their officers a notice.
        const by = own ? null : actor.name;
        await placement.notify(tx, out, { kind: 'cancelled', reason, by });
        await deps.officers.cancelled(tx, out, actor.id, reason);
      });
      return view(id);
    },

    /** Moves a person to another edition: a seat there if free (else its waitlist), freeing this one. */
    async move(ctx: RequestContext, id: number, toEditionId: number) {
      if (!canAdministerEnrolment(ctx.actor)) throw errors.forbidden();
      const first = await repo.findById(db, id);
      // Someone else's enrolment is answered as missing, so ids cannot be probed.
      if (!first || !(await deps.editions.manages(db, ctx, first.editionId)))
        throw errors.notFound(ENROLMENT);
      if (first.editionId === toEditionId) throw rules.sameEdition();
      if ((await repo.findEdition(db, toEditionId)) && !(await deps.editions.manages(db, ctx, toEditionId)))
        throw errors.forbidden();
      // Lock both editions in id order, so two opposite moves cannot deadlock.
      const [a, b] = [first.editionId, toEditionId].sort((x, y) => x - y) as [number, number];
      const created = await withEdition(a, async (tx) => {
        await repo.lockEdition(tx, b);
        const source = (await repo.lockEdition(tx, first.editionId)) as EditionRow;
        const target = await repo.lockEdition(tx, toEditionId);
        if (!target) throw errors.notFound(EDITION);
        checkEnrollable(target, clock.now(), { bypassWindow: true });
        const row = await repo.lock(tx, id);
        if (!row || !ACTIVE.includes(row.status)) throw rules.notActive();
        if (!(await eligible(tx, target.id, row.unitId))) throw rules.notEligible();
        const person = { id: row.userId, unitId: row.unitId };
        const moved = await enrolIn(tx, ctx, target, person, {
          nominatedBy: ctx.actor?.id ?? null,
          skipApproval: true,
          moved: true,
        });
        await repo.update(tx, id, { movedTo: moved.id });
        await cancelIn(tx, ctx, source, row, `→ ${target.title}`);
        await audit.record(tx, ctx, {
          action: 'enrolment.moved',
          entityType: 'enrolment',
          entityId: id,
          details: { from: source.id, to: target.id, newEnrolmentId: moved.id },
        });
        return moved;
      });
      return view(created.id);
    },

    async list(ctx: RequestContext, q: z.infer<typeof enrolmentQuery>) {
      const scope = enrolmentScope(ctx.actor);
      if (!scope) throw errors.forbidden();
      const { rows, total } = await repo.list(db, scope, q, q.page, q.pageSize);
      const now = clock.now();
      return { items: rows.map((r) => toEnrolment(r, now)), total, page: q.page, pageSize: q.pageSize };
    },

    async mine(ctx: RequestContext) {
      const actor = requireActor(ctx);
      const rows = await repo.views(db, repo.ofUser(actor.id));
      const now = clock.now();
      return { items: rows.map((r) => toEnrolment(r, now)) };
    },

    async seats(ctx: RequestContext, editionId: number): Promise<SeatSummary> {
      if (!(await repo.findEdition(db, editionId))) throw errors.notFound(EDITION);
      const allowed = isNationalAdmin(ctx.actor) || canReadSeats(ctx.actor, await trains(db, ctx, editionId));
      if (!allowed) throw errors.forbidden();
      return seatSummary(editionId);
    },

    async setQuotas(ctx: RequestContext, editionId: number, body: z.infer<typeof quotasBody>) {
      if (!canAdministerEnrolment(ctx.actor)) throw errors.forbidden();
      if (!(await repo.findEdition(db, editionId))) throw errors.notFound(EDITION);
      if (!(await deps.editions.manages(db, ctx, editionId))) throw errors.forbidden();
      const unitIds = body.quotas.map((q) => q.unitId);
      if (new Set(unitIds).size !== unitIds.length) throw rules.duplicateQuota();
      for (const u of unitIds) if (!(await deps.units.findById(db, u))) throw rules.unknownUnit();
      await withEdition(editionId, async (tx, edition) => {
        const total = body.quotas.reduce((n, q) => n + q.seats, 0);
        if (total > edition.capacity) throw rules.quotasOverCapacity(edition.capacity);
        await repo.replaceQuotas(tx, editionId, body.quotas);
        await audit.record(tx, ctx, {
          action: 'edition.quotas',
          entityType: 'edition',
          entityId: editionId,
          details: { quotas: body.quotas },
        });
        // Fewer reserved seats can open general seats to the waitlist.
        await placement.promote(tx, ctx, edition);
      });
      return seatSummary(editionId);
    },

    /** After an edition's capacity grows: the waitlist takes the new seats (caller's transaction). */
    async afterCapacityChange(tx: Db, ctx: RequestContext, editionId: number) {
      const edition = await repo.lockEdition(tx, editionId);
      if (edition) await placement.promote(tx, ctx, edition);
    },
  };
}
