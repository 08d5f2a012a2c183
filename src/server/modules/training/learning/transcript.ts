import { hoursOf } from '../../../../common/certificates.js';
import type { TranscriptYear } from '../../../../common/learning.js';
import { romeDate } from '../../../../common/rome-time.js';

/** One row of the attendance ledger with what the transcript shows about its edition. */
export type LedgerEntry = {
  sessionStartsAt: Date;
  minutes: number;
  enrolmentId: number;
  editionId: number;
  pathTitle: string;
  editionTitle: string;
  completedOn: string | null;
  certificateCode: string | null;
};

/** The Rome calendar year of an instant: 23:30 UTC on 31 December is already next year in Rome. */
export const romeYear = (instant: Date) => Number(romeDate(instant).slice(0, 4));

/**
 * Hours per calendar year against the yearly target. A session counts in the Rome year it starts
 * in, even when it runs past midnight on New Year's Eve; an edition spanning two years appears in
 * both, with the minutes of each. The current year is always listed, even when empty. Most recent
 * year first; within a year, editions in the order their first session of that year began.
 */
export function hoursPerYear(
  entries: LedgerEntry[],
  targetHours: number,
  currentYear: number,
): TranscriptYear[] {
  type Acc = { minutes: number; first: number; entry: LedgerEntry };
  const years = new Map<number, Map<number, Acc>>([[currentYear, new Map()]]);
  for (const e of entries) {
    const year = romeYear(e.sessionStartsAt);
    const editions = years.get(year) ?? new Map<number, Acc>();
    years.set(year, editions);
    const acc = editions.get(e.enrolmentId);
    const start = e.sessionStartsAt.getTime();
    if (acc) {
      acc.minutes += e.minutes;
      acc.first = Math.min(acc.first, start);
    } else editions.set(e.enrolmentId, { minutes: e.minutes, first: start, entry: e });
  }
  return [...years.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, editions]) => {
      const list = [...editions.values()].sort(
        (a, b) => a.first - b.first || a.entry.enrolmentId - b.entry.enrolmentId,
      );
      const minutes = list.reduce((sum, a) => sum + a.minutes, 0);
      const hours = hoursOf(minutes);
      return {
        year,
        minutes,
        hours,
        targetHours,
        progressPct: targetHours > 0 ? Math.floor((minutes / (targetHours * 60)) * 100) : 0,
        reached: minutes >= targetHours * 60,
        editions: list.map(({ minutes: m, entry: e }) => ({
          enrolmentId: e.enrolmentId,
          editionId: e.editionId,
          pathTitle: e.pathTitle,
          editionTitle: e.editionTitle,
          minutes: m,
          hours: hoursOf(m),
          completedOn: e.completedOn,
          certificateCode: e.certificateCode,
        })),
      };
    });
}
