import { addDays } from '../../common/rome-time';

/**
 * Calendar-grid arithmetic on plain YYYY-MM-DD days (Rome days; Rome wall-clock time, today in Rome and
 * adding days are in common/rome-time). Days are handled at UTC noon, so no time zone can shift one.
 */

function noon(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

function toDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The same day of another month, clamped to that month's length (31 March + 1 month = 30 April). */
export function addMonths(day: string, months: number): string {
  const d = noon(day);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, 12));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0, 12)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return toDay(target);
}

export function startOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function endOfMonth(day: string): string {
  return addDays(startOfMonth(addMonths(startOfMonth(day), 1)), -1);
}

/** Weeks start on Monday in Italy. */
export function startOfWeek(day: string): string {
  const weekday = (noon(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

/** Monday 0 … Sunday 6. */
export function weekdayIndex(day: string): number {
  return (noon(day).getUTCDay() + 6) % 7;
}

/** Every day from first to last, both included. */
export function daysBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last && out.length < 400; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The weeks (Monday to Sunday) that cover a month, for a month grid. */
export function monthWeeks(day: string): string[][] {
  const first = startOfWeek(startOfMonth(day));
  const last = addDays(startOfWeek(endOfMonth(day)), 6);
  const days = daysBetween(first, last);
  const weeks: string[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}
