import { formatRomeDate, formatRomeDateTime, isIsoDate, ROME, romeDate } from '../../common/rome-time';
import { currentLanguage } from '../i18n';

function locale(): string {
  return currentLanguage() === 'en' ? 'en-GB' : 'it-IT';
}

/**
 * An instant as the whole app writes it: "19 dic 2026, 14:30" on the clock in Rome, whatever the browser's
 * time zone (common/rome-time.ts, shared with the server's e-mails and documents).
 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (Number.isNaN(new Date(iso).getTime())) return iso;
  return formatRomeDateTime(iso, currentLanguage());
}

/** A day as the whole app writes it: "19 dic 2026" (a YYYY-MM-DD day, or the Rome day of an instant). */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  if (isIsoDate(isoDate)) return formatRomeDate(isoDate, currentLanguage());
  if (Number.isNaN(new Date(isoDate).getTime())) return isoDate;
  return formatRomeDate(romeDate(isoDate), currentLanguage());
}

/** "09:30": the time of an instant on the clock in Rome. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), {
    timeZone: ROME,
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

/** "lunedì 2 marzo 2026" for a calendar day (YYYY-MM-DD). */
export function formatDayLong(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(locale(), {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(d);
}

/** "marzo 2026". */
export function formatMonth(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(d);
}

/** "lun" … "dom" and "lunedì" … "domenica", Monday first. */
export function weekdayNames(style: 'short' | 'long'): string[] {
  const format = new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', weekday: style });
  // 2 March 2026 is a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2026, 2, 2 + i, 12))));
}

/** An instant as a long date and time in Rome: "lunedì 2 marzo 2026, 09:30". */
export function formatDateTimeLong(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), {
    timeZone: ROME,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

/** 7.5 → "7,5" in Italian. */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(n);
}

/** "6 dic 2026, 09:30": the same as formatDateTime (kept for the pages that read it after "dal", "al"). */
export const formatDateTimeMedium = formatDateTime;

/** "6 dicembre 2026 alle ore 09:30" (it) / "6 December 2026 at 09:30" (en). */
export function formatDateTimeText(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), {
    timeZone: ROME,
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(d);
}

const ELIDED: Record<'il' | 'al' | 'dal', string> = { il: "l'", al: "all'", dal: "dall'" };

/**
 * Italian article before a date that starts with its day: "il 6 dicembre", but "l'8 dicembre" and
 * "dall'11 marzo" (otto and undici start with a vowel). English texts use the date alone.
 */
export function withArticle(prep: 'il' | 'al' | 'dal', date: string): string {
  return /^(8|11)(\D|$)/.test(date) ? `${ELIDED[prep]}${date}` : `${prep} ${date}`;
}
