import { TZDate } from '@date-fns/tz';

/**
 * Italian wall-clock time. Forms take a day and a time as an Italian would read them on a clock in Rome,
 * whatever the browser's own time zone; the API wants instants with their offset, which is +01:00 or
 * +02:00 depending on the day (daylight saving time). Calendar days are plain YYYY-MM-DD strings, and the
 * day arithmetic below works on them at UTC noon, so no time zone can shift a day.
 */
export const ROME = 'Europe/Rome';

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

function offsetOf(minutesEast: number): string {
  return `${minutesEast < 0 ? '-' : '+'}${pad(Math.trunc(minutesEast / 60))}:${pad(minutesEast % 60)}`;
}

/**
 * "2026-03-29" + "09:00" (Rome) → "2026-03-29T09:00:00+02:00". A time that does not exist on the clock
 * (the hour skipped when summer time starts) moves forward by the gap, as clocks do; an hour that
 * happens twice (when summer time ends) takes the second occurrence. undefined when the input is not a
 * valid day and time.
 */
export function romeInstant(day: string, time: string): string | undefined {
  const t = TIME_RE.exec(time);
  if (!isDay(day) || !t) return undefined;
  const [hours, minutes] = [Number(t[1]), Number(t[2])];
  if (hours > 23 || minutes > 59) return undefined;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const at = new TZDate(year, month - 1, date, hours, minutes, 0, ROME);
  const wall = `${pad(at.getFullYear(), 4)}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `${wall}T${pad(at.getHours())}:${pad(at.getMinutes())}:00${offsetOf(-at.getTimezoneOffset())}`;
}

/** An instant shown as the Rome day and time a form field would hold: { day: 'YYYY-MM-DD', time: 'HH:MM' }. */
export function romeParts(iso: string | null | undefined): { day: string; time: string } {
  if (!iso) return { day: '', time: '' };
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) return { day: '', time: '' };
  const at = new TZDate(ms, ROME);
  return {
    day: `${pad(at.getFullYear(), 4)}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`,
    time: `${pad(at.getHours())}:${pad(at.getMinutes())}`,
  };
}

/** The Rome calendar day of an instant. */
export function romeDay(iso: string): string {
  return romeParts(iso).day;
}

/** Today in Rome (it may already be tomorrow there, or still yesterday). */
export function romeToday(now: Date = new Date()): string {
  return romeParts(now.toISOString()).day;
}

export function isDay(value: string | null | undefined): value is string {
  if (!value) return false;
  const m = DAY_RE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function noon(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

function toDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const d = noon(day);
  d.setUTCDate(d.getUTCDate() + days);
  return toDay(d);
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
