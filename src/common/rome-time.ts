import { TZDate, tzOffset } from '@date-fns/tz';

/**
 * Italian wall-clock time, for the server and the web app alike. Instants are stored and sent as such;
 * people read and type them as a clock in Rome shows them, whatever the time zone of the machine. Calendar
 * days are plain YYYY-MM-DD strings, and day arithmetic works on them at UTC noon, so no zone shifts a day.
 *
 * Two nights a year the Rome clock is not a one-to-one map of instants (EU rule, changes at 01:00 UTC):
 * - spring (last Sunday of March): 02:00–02:59 does not exist, the clock jumps from 02:00 to 03:00.
 *   Such a wall time is REFUSED (`romeInstant` throws a RangeError, `checkRomeTime` says 'skipped'):
 *   a person who typed it must be told, not have it silently moved by an hour.
 * - autumn (last Sunday of October): 02:00–02:59 happens twice, first in summer time (+02:00) then in
 *   winter time (+01:00). Such a wall time is read as the EARLIER instant, the first time the clock shows
 *   it (the summer-time one). The later pass cannot be typed; it still reads back as 02:xx.
 */
export const ROME = 'Europe/Rome';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A Rome wall time read as an instant, or why it cannot be: not a date and time, or a time the clock skips. */
export type RomeTimeCheck = { ok: true; instant: Date } | { ok: false; problem: 'invalid' | 'skipped' };

/**
 * "2026-03-29" + "09:00" (Rome) → the instant, with the DST rules above. 'invalid' when the date is not a
 * real YYYY-MM-DD day or the time is not HH:MM (00:00–23:59); 'skipped' for the spring-forward hour.
 */
export function checkRomeTime(date: string, time: string): RomeTimeCheck {
  const read = readingOf(date, time);
  return typeof read === 'number' ? { ok: true, instant: new Date(read) } : { ok: false, problem: read };
}

// Lists read the same few days and times over and over, and each reading asks the time zone rules
// (Intl) three times: the last readings are kept, for input of a date's and a time's length only (so
// that long input never fills memory). The rules of a date never change while a process runs.
const READINGS_KEPT = 4096;
const readings = new Map<string, number | 'invalid' | 'skipped'>();

function readingOf(date: string, time: string) {
  if (date.length !== 10 || time.length !== 5) return readRomeTime(date, time);
  const key = date + time;
  let read = readings.get(key);
  if (read === undefined) {
    read = readRomeTime(date, time);
    if (readings.size >= READINGS_KEPT) readings.clear();
    readings.set(key, read);
  }
  return read;
}

function readRomeTime(date: string, time: string): number | 'invalid' | 'skipped' {
  const d = DATE_RE.exec(date);
  const t = TIME_RE.exec(time);
  if (!d || !t || !isIsoDate(date)) return 'invalid';
  const [hours, minutes] = [Number(t[1]), Number(t[2])];
  if (hours > 23 || minutes > 59) return 'invalid';
  // The wall time read as if it were UTC; the instant is that minus Rome's offset at the instant.
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), hours, minutes);
  // Rome's offset changes at most once within a day either side, so the offsets a day before and a day
  // after are the only candidates; a candidate holds when Rome really has that offset at its instant.
  const offsets = new Set([tzOffset(ROME, new Date(wall - DAY)), tzOffset(ROME, new Date(wall + DAY))]);
  const candidates = [...offsets]
    .map((offset) => ({ offset, ms: wall - offset * MINUTE }))
    .filter(({ offset, ms }) => tzOffset(ROME, new Date(ms)) === offset)
    .map(({ ms }) => ms)
    .sort((a, b) => a - b);
  const earliest = candidates[0];
  return earliest ?? 'skipped';
}

/**
 * The instant of a wall-clock time in Rome ("2026-03-29", "09:00"; midnight when no time is given).
 * Throws a RangeError for a malformed date or time and for a time that does not exist (spring forward);
 * a repeated autumn time is the earlier instant.
 */
export function romeInstant(date: string, time = '00:00'): Date {
  const r = checkRomeTime(date, time);
  if (r.ok) return r.instant;
  throw new RangeError(
    r.problem === 'skipped'
      ? `${date} ${time} does not exist in ${ROME} (the clocks skip that hour)`
      : `${date} ${time} is not a date (YYYY-MM-DD) and a time (HH:MM)`,
  );
}

function instantOf(value: Date | string): Date {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) throw new RangeError(`${String(value)} is not an instant`);
  return d;
}

/** The Rome calendar date (YYYY-MM-DD) of an instant (a Date or an ISO string with its offset). */
export function romeDate(instant: Date | string): string {
  const t = new TZDate(instantOf(instant).getTime(), ROME);
  return `${pad(t.getFullYear(), 4)}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}

/** The Rome wall-clock time (HH:MM) of an instant. */
export function romeTime(instant: Date | string): string {
  const t = new TZDate(instantOf(instant).getTime(), ROME);
  return `${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

/** Today in Rome (it may already be tomorrow there, or still yesterday). */
export function romeToday(now: Date = new Date()): string {
  return romeDate(now);
}

/**
 * An instant as the values of a date field and a time field (Rome); empty strings when there is no
 * instant or it is not one, as an empty form shows. `checkRomeTime(date, time)` reads them back.
 */
export function romeFields(instant: Date | string | null | undefined): { date: string; time: string } {
  if (instant === null || instant === undefined || instant === '') return { date: '', time: '' };
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) return { date: '', time: '' };
  return { date: romeDate(d), time: romeTime(d) };
}

/**
 * An instant as ISO 8601 with Rome's offset of that moment, to the second:
 * "2026-03-29T09:00:00+02:00" (what the API receives from forms; readable as the Rome time it is).
 */
export function romeIso(instant: Date | string): string {
  const d = instantOf(instant);
  const offset = tzOffset(ROME, d);
  const wall = new Date(d.getTime() + offset * MINUTE).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  return `${wall}${offset < 0 ? '-' : '+'}${pad(Math.trunc(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * A Rome calendar day (YYYY-MM-DD, as typed in a date field) as the instant at which it starts, or its
 * last second, in romeIso form: what someone means by "from 3 March" or "to 5 March". undefined when the
 * value is not a day.
 */
export function romeDayBoundary(date: string, edge: 'start' | 'end'): string | undefined {
  if (!isIsoDate(date)) return undefined;
  if (edge === 'start') return romeIso(romeInstant(date));
  return romeIso(new Date(romeInstant(addDays(date, 1)).getTime() - 1000));
}

/** Whether a value is a real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isIsoDate(value: string | null | undefined): value is string {
  if (!value || !DATE_RE.test(value)) return false;
  const d = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Adds (or, negative, subtracts) days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const DAY_FORMATS = {
  it: new Intl.DateTimeFormat('it-IT', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }),
};

/**
 * The one way a day is written for people, on screen, in e-mails, messages and documents: "19 dic 2026"
 * (it), "19 Dec 2026" (en), from YYYY-MM-DD. Anything that is not a day is returned as it is.
 */
export function formatRomeDate(date: string, lang: 'it' | 'en' = 'it'): string {
  if (!isIsoDate(date)) return date;
  return DAY_FORMATS[lang].format(new Date(`${date}T12:00:00Z`));
}

/** An instant as people read it, on the clock in Rome: "19 dic 2026, 14:30" (it), "19 Dec 2026, 14:30" (en). */
export function formatRomeDateTime(instant: Date | string, lang: 'it' | 'en' = 'it'): string {
  return `${formatRomeDate(romeDate(instant), lang)}, ${romeTime(instant)}`;
}
