import { romeDate } from '../../../../common/rome-time.js';

export type CompletionSession = { id: number; startsAt: Date; endsAt: Date; status: string };

export type CompletionInput = {
  sessions: readonly CompletionSession[];
  /** Ledger minutes by session id. */
  minutes: ReadonlyMap<number, number>;
  minAttendancePct: number;
  finalTestRequired: boolean;
  finalTestPassed: boolean | null;
};

export type Completion = {
  minutesScheduled: number;
  minutesAttended: number;
  pct: number;
  complete: boolean;
  completedOn: string | null;
};

/** A session's length in whole minutes: the most anyone can attend of it. */
export function lengthMinutes(s: { startsAt: Date; endsAt: Date }): number {
  return Math.max(0, Math.floor((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000));
}

/**
 * Whether a person completed an edition. Only scheduled sessions count, each at most for its length, so
 * a cancelled session neither adds nor removes anything; the share is compared in whole numbers so that
 * exactly the minimum passes. The completion date is the Rome day of the last session attended.
 */
export function completion(input: CompletionInput): Completion {
  const scheduled = input.sessions.filter((s) => s.status === 'scheduled');
  let minutesScheduled = 0;
  let minutesAttended = 0;
  let last: CompletionSession | null = null;
  for (const s of scheduled) {
    const length = lengthMinutes(s);
    const attended = Math.min(Math.max(input.minutes.get(s.id) ?? 0, 0), length);
    minutesScheduled += length;
    minutesAttended += attended;
    if (attended > 0 && (!last || s.startsAt > last.startsAt)) last = s;
  }
  const pct = minutesScheduled ? Math.floor((minutesAttended * 1000) / minutesScheduled) / 10 : 0;
  const complete =
    minutesScheduled > 0 &&
    last !== null &&
    minutesAttended * 100 >= input.minAttendancePct * minutesScheduled &&
    (!input.finalTestRequired || input.finalTestPassed === true);
  return {
    minutesScheduled,
    minutesAttended,
    pct,
    complete,
    completedOn: complete && last ? romeDate(last.startsAt) : null,
  };
}
