import type { AttendanceSource } from '../../../../common/attendance.js';
import type { Db } from '../../../db/client.js';
import { errors } from '../../../kernel/errors.js';
import type { EventBus } from '../../../kernel/events.js';
import type { RequestContext } from '../../../kernel/principal.js';
import type { AuditService } from '../../platform/audit/index.js';
import { completion, lengthMinutes } from './completion.js';
import {
  EDITION,
  ENROLMENT,
  editionCancelled,
  notEnrolled,
  SESSION,
  sessionCancelled,
  tooLong,
} from './messages.js';
import type { AttendanceRepository, SessionContext } from './repository.js';

export type RecordInput = {
  sessionId: number;
  userId: string;
  minutes: number;
  source: AttendanceSource;
  detail: Record<string, unknown>;
  /** Keep a row already recorded with more minutes (a check-in never lowers the register). */
  keepHigher?: boolean;
  /** The session, when the caller has already loaded it. */
  session?: SessionContext;
};

/** Key order does not matter in jsonb: compare canonical forms. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}

/** Refuses attendance for a session or edition that was cancelled. */
export function assertRecordable(s: SessionContext) {
  if (s.edition.status === 'cancelled') throw editionCancelled();
  if (s.session.status === 'cancelled') throw sessionCancelled();
}

export type Ledger = ReturnType<typeof createLedger>;

/**
 * The one attendance ledger. Every way of taking attendance ends here, so the rules (confirmed
 * enrolment, session length, audit, completion) hold whatever the source.
 */
export function createLedger(deps: { repo: AttendanceRepository; audit: AuditService; events: EventBus }) {
  const { repo, audit } = deps;

  /** Recomputes an enrolment's minutes and completion from the ledger; runs in the caller's transaction. */
  async function recompute(tx: Db, ctx: RequestContext, enrolmentId: number) {
    const e = await repo.findEnrolment(tx, enrolmentId);
    if (!e) throw errors.notFound(ENROLMENT);
    const ed = await repo.findEdition(tx, e.editionId);
    if (!ed) throw errors.notFound(EDITION);
    const sessions = await repo.sessionsOf(tx, e.editionId);
    const rows = await repo.rowsOf(
      tx,
      sessions.map((s) => s.id),
      e.userId,
    );
    const result = completion({
      sessions,
      minutes: new Map(rows.map((r) => [r.sessionId, r.minutes])),
      minAttendancePct: ed.edition.minAttendancePct,
      finalTestRequired: ed.edition.finalTestRequired,
      finalTestPassed: e.finalTestPassed,
    });
    // Only a confirmed enrolment completes; a cancelled one keeps its minutes for the record.
    const completedOn = e.status === 'confirmed' ? result.completedOn : null;
    const state = {
      enrolmentId,
      ...result,
      complete: completedOn !== null,
      completedOn,
      finalTestPassed: e.finalTestPassed,
    };
    if (result.minutesAttended === e.minutesAttended && completedOn === e.completedOn) return state;
    await repo.setCompletion(tx, enrolmentId, { minutesAttended: result.minutesAttended, completedOn });
    if (completedOn !== e.completedOn)
      await audit.record(tx, ctx, {
        action: completedOn ? 'enrolment.completed' : 'enrolment.completion_withdrawn',
        entityType: 'enrolment',
        entityId: enrolmentId,
        unitId: e.unitId,
        details: {
          from: e.completedOn,
          to: completedOn,
          minutesAttended: result.minutesAttended,
          pct: result.pct,
        },
      });
    await deps.events.emit(tx, ctx, 'completion.changed', { enrolmentId });
    return state;
  }

  return {
    recompute,

    /** Recomputes every confirmed enrolment of an edition (after a session is cancelled or rules change). */
    async recomputeEdition(tx: Db, ctx: RequestContext, editionId: number) {
      for (const id of await repo.enrolmentIdsOf(tx, editionId)) await recompute(tx, ctx, id);
    },

    /**
     * Sets a person's minutes in a session; runs in the caller's transaction. Returns the row kept and
     * whether it changed.
     */
    async record(tx: Db, ctx: RequestContext, input: RecordInput) {
      const s = input.session ?? (await repo.sessionContext(tx, input.sessionId));
      if (!s) throw errors.notFound(SESSION);
      assertRecordable(s);
      const length = lengthMinutes(s.session);
      if (!Number.isInteger(input.minutes) || input.minutes < 0 || input.minutes > length)
        throw tooLong(length);
      const enrolment = await repo.findConfirmed(tx, s.edition.id, input.userId, true);
      if (!enrolment) throw notEnrolled();
      const before = await repo.findRow(tx, s.session.id, input.userId);
      if (before && input.keepHigher && before.minutes >= input.minutes)
        return { row: before, changed: false };
      if (
        before &&
        before.minutes === input.minutes &&
        before.source === input.source &&
        before.enrolmentId === enrolment.id &&
        canonical(before.detail) === canonical(input.detail)
      )
        return { row: before, changed: false };

      const values = {
        enrolmentId: enrolment.id,
        minutes: input.minutes,
        source: input.source,
        detail: input.detail,
        recordedBy: ctx.actor?.id ?? null,
      };
      const row = before
        ? await repo.updateRow(tx, s.session.id, input.userId, values)
        : await repo.insertRow(tx, { sessionId: s.session.id, userId: input.userId, ...values });
      const where = { sessionId: s.session.id, userId: input.userId };
      await audit.record(tx, ctx, {
        action: before ? 'attendance.corrected' : 'attendance.recorded',
        entityType: 'attendance',
        entityId: `${s.session.id}:${input.userId}`,
        unitId: enrolment.unitId,
        details: before
          ? {
              ...where,
              from: before.minutes,
              to: input.minutes,
              source: input.source,
              previousSource: before.source,
            }
          : { ...where, minutes: input.minutes, source: input.source },
      });
      await recompute(tx, ctx, enrolment.id);
      return { row, changed: true };
    },
  };
}
