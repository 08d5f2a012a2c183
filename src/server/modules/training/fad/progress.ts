import { LEDGER_STEP_MINUTES, VISIT_SLACK_SECONDS } from '../../../../common/fad.js';

/**
 * The active seconds a visit keeps after a report: the highest figure reported, never more than the
 * wall-clock time since the visit began (plus a little slack for clocks and the report's journey).
 * A repeated, late or out-of-order report therefore changes nothing, and nobody counts time twice.
 */
export function visitSeconds(input: { stored: number; claimed: number; startedAt: Date; now: Date }): number {
  const elapsed = Math.max(0, Math.floor((input.now.getTime() - input.startedAt.getTime()) / 1000));
  return Math.max(input.stored, Math.min(input.claimed, elapsed + VISIT_SLACK_SECONDS));
}

export type CompletionRule = { requireAllPages: boolean; minMinutes: number; quizId: number | null };

/**
 * A module is complete when its conditions hold: every page viewed (if required), enough active time,
 * and its quiz passed (if it has one).
 */
export function moduleComplete(
  rule: CompletionRule,
  state: {
    pageIds: readonly number[];
    viewedPageIds: ReadonlySet<number>;
    activeSeconds: number;
    quizPassed: boolean;
  },
): boolean {
  if (state.pageIds.length === 0) return false;
  if (rule.quizId !== null && !state.quizPassed) return false;
  if (rule.requireAllPages && !state.pageIds.every((id) => state.viewedPageIds.has(id))) return false;
  return state.activeSeconds >= rule.minMinutes * 60;
}

/**
 * The minutes an online session's ledger row holds for a module: its whole length once the module is
 * completed, otherwise the active time, never more than the session's length. Written in steps (see
 * `ledgerStepReached`) so the ledger and its audit are not touched at every report.
 */
export function ledgerMinutes(activeSeconds: number, complete: boolean, sessionLength: number): number {
  if (complete) return sessionLength;
  return Math.min(Math.floor(activeSeconds / 60), sessionLength);
}

/** Whether the ledger should be written: a first row, a new step, or the full figure at completion. */
export function ledgerStepReached(before: number | null, after: number, complete: boolean): boolean {
  if (before === null) return after > 0 || complete;
  if (after <= before) return false;
  return complete || Math.floor(after / LEDGER_STEP_MINUTES) > Math.floor(before / LEDGER_STEP_MINUTES);
}
