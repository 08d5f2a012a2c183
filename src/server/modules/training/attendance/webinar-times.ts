import { checkRomeTime, isIsoDate } from '../../../../common/rome-time.js';

/**
 * The times of webinar reports, as platforms write them in Italian and US English. Everything is Rome
 * wall-clock time except ISO 8601 with an offset; the order of day and month is one per file.
 */

/** Day first (29/11/2026, Italian) or month first (11/29/2026, United States). */
export type DateOrder = 'dmy' | 'mdy';
/** How a file's times are read: its date order, and the session's day (Rome) for times of day alone. */
export type TimeReading = { order: DateOrder; day?: string };

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_WALL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const CLOCK = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s*m\.?)?`;
/** 29/11/2026 10:02, 11/29/26, 10:02:13 AM, 29.11.2026 10:02 … */
const SLASHED = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2}),?\s+${CLOCK}$`, 'i');
const TIME_ONLY = new RegExp(`^${CLOCK}$`, 'i');

/**
 * A file's date order, decided once for the whole file: a first field above 12 can only be a day
 * (Italian order), a second field above 12 only a day (month first, United States); when every date
 * could be either, AM/PM times mean the United States format and 24-hour times the Italian one.
 */
export function dateOrder(values: Iterable<string>): DateOrder {
  let twelveHour = false;
  for (const v of values) {
    const m = SLASHED.exec(v.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) return 'dmy';
    if (Number(m[3]) > 12) return 'mdy';
    if (m[8]) twelveHour = true;
  }
  return twelveHour ? 'mdy' : 'dmy';
}

/** A 24-hour clock time, as in "10:02" or "10:02:13 PM"; null when out of range. */
function clock(h: string, m: string, s: string | undefined, half: string | undefined) {
  let hh = Number(h);
  const [mm, ss] = [Number(m), Number(s ?? 0)];
  if (mm > 59 || ss > 59) return null;
  if (half) {
    if (hh < 1 || hh > 12) return null;
    hh = (hh % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
  }
  return hh > 23 ? null : { hh, mm, ss };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A Rome wall-clock time as an instant; null when the day is not real or the clock skips that hour. */
function romeWall(y: number, mo: number, d: number, t: { hh: number; mm: number; ss: number }) {
  const r = checkRomeTime(`${y}-${pad(mo)}-${pad(d)}`, `${pad(t.hh)}:${pad(t.mm)}`);
  return r.ok ? new Date(r.instant.getTime() + t.ss * 1000) : null;
}

/**
 * A time as platforms export it: ISO 8601 with an offset; "YYYY-MM-DD HH:mm[:ss]"; a day, month and
 * year with slashes (dots or dashes), in the file's order, with a two- or four-digit year and a 24-hour
 * or AM/PM clock; a time of day alone ("10:02 AM", "10:02"), on the session's day. Everything but
 * the ISO form with an offset is Rome wall-clock time. Null when unreadable or non-existent.
 */
export function parseTime(value: string, reading: TimeReading = { order: 'dmy' }): Date | null {
  const v = value.trim();
  if (WITH_OFFSET.test(v)) {
    // Date would roll 2026-02-30 over to 2 March: the day must exist as written.
    if (!isIsoDate(v.slice(0, 10))) return null;
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const iso = ISO_WALL.exec(v);
  if (iso) {
    const t = clock(iso[4] as string, iso[5] as string, iso[6], undefined);
    return t ? romeWall(Number(iso[1]), Number(iso[2]), Number(iso[3]), t) : null;
  }
  const s = SLASHED.exec(v);
  if (s) {
    const t = clock(s[5] as string, s[6] as string, s[7], s[8]);
    const [a, b, year] = [Number(s[1]), Number(s[3]), Number(s[4])];
    const [d, mo] = reading.order === 'dmy' ? [a, b] : [b, a];
    return t ? romeWall(year < 100 ? 2000 + year : year, mo, d, t) : null;
  }
  const only = TIME_ONLY.exec(v);
  if (only && reading.day) {
    const t = clock(only[1] as string, only[2] as string, only[3], only[4]);
    const [y, mo, d] = reading.day.split('-').map(Number);
    return t ? romeWall(y as number, mo as number, d as number, t) : null;
  }
  return null;
}
