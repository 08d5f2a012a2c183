import type { Db } from '../../../db/client.js';
import { AppError, errors } from '../../../kernel/errors.js';
import type { RequestContext } from '../../../kernel/principal.js';
import { attendedMinutes, type Interval } from './intervals.js';
import type { Ledger, RecordInput } from './ledger.js';
import { SESSION } from './messages.js';
import type { AttendanceRepository, SessionContext } from './repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What the ledger records for a person's webinar connections: clipped to the session, merged, counted in
 * whole minutes, source `webinar`, the merged intervals as detail (the participants' report writes the same).
 */
export function webinarRecord(
  s: SessionContext,
  userId: string,
  connections: readonly Interval[],
): RecordInput {
  const window = { start: s.session.startsAt.getTime(), end: s.session.endsAt.getTime() };
  const { intervals, minutes } = attendedMinutes(connections, window);
  return {
    sessionId: s.session.id,
    userId,
    minutes,
    source: 'webinar',
    detail: {
      intervals: intervals.map((i) => ({
        from: new Date(i.start).toISOString(),
        to: new Date(i.end).toISOString(),
      })),
    },
    session: s,
  };
}

export type WebinarAttendance = ReturnType<typeof createWebinarAttendance>;

/**
 * Minutes from a video platform's own join and leave events, for people it knows by their account id.
 * The same way into the ledger as a participants report (source `webinar`, the merged intervals as
 * detail), except that a higher figure already there is kept: the platform may send its events again,
 * and a register filled in by hand is not undone by a replay.
 */
export function createWebinarAttendance(deps: { db: Db; repo: AttendanceRepository; ledger: Ledger }) {
  const { db, repo, ledger } = deps;
  return {
    async recordIntervals(
      ctx: RequestContext,
      sessionId: number,
      people: readonly { userId: string; intervals: readonly Interval[] }[],
    ) {
      const s = await repo.sessionContext(db, sessionId);
      if (!s) throw errors.notFound(SESSION);
      let recorded = 0;
      let skipped = 0;
      for (const p of people) {
        if (!UUID.test(p.userId)) {
          skipped++;
          continue;
        }
        try {
          await db.transaction((tx) =>
            ledger.record(tx, ctx, { ...webinarRecord(s, p.userId, p.intervals), keepHigher: true }),
          );
          recorded++;
        } catch (err) {
          // Not a confirmed participant (a trainer, a guest), or a cancelled session: nothing to record.
          if (!(err instanceof AppError)) throw err;
          skipped++;
        }
      }
      return { recorded, skipped };
    },
  };
}
