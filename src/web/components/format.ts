import { ROME } from '../../common/rome-time';
import { currentLanguage } from '../i18n';

function locale(): string {
  return currentLanguage() === 'en' ? 'en-GB' : 'it-IT';
}

/** An ISO instant shown in Italian time, whatever the browser's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), {
    timeZone: ROME,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(d);
}

export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const d = new Date(isoDate.length === 10 ? `${isoDate}T12:00:00Z` : isoDate);
  if (Number.isNaN(d.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale(), { timeZone: ROME, dateStyle: 'medium' }).format(d);
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

/** "6 dic 2026, 09:30": an instant in Rome with a medium date (reads well after "dal", "al"). */
export function formatDateTimeMedium(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), {
    timeZone: ROME,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(d);
}

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
