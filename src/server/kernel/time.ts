import { TZDate } from '@date-fns/tz';

export const ROME = 'Europe/Rome';

/** The instant of a wall-clock time in Rome ("2026-03-29", "09:00"), DST included. */
export function romeInstant(date: string, time = '00:00'): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const local = new TZDate(y as number, (m as number) - 1, d as number, hh as number, mm as number, 0, ROME);
  // A wall time that does not exist (the spring-forward hour) would silently move: refuse it instead.
  if (local.getDate() !== d || local.getHours() !== hh || local.getMinutes() !== mm)
    throw new RangeError(`${date} ${time} does not exist in ${ROME}`);
  return new Date(local.getTime());
}

/** The Rome calendar date (YYYY-MM-DD) of an instant. */
export function romeDate(instant: Date): string {
  const t = new TZDate(instant.getTime(), ROME);
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function pad(n: number) {
  return String(n).padStart(2, '0');
}

/** An Italian-style date, dd/mm/yyyy, from YYYY-MM-DD (used in e-mails and documents). */
export function formatRomeDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** The Rome wall-clock time (HH:mm) of an instant. */
export function romeTime(instant: Date): string {
  const t = new TZDate(instant.getTime(), ROME);
  return `${pad(t.getHours())}:${pad(t.getMinutes())}`;
}
