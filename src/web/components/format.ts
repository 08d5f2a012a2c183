import { currentLanguage } from '../i18n';

const TIME_ZONE = 'Europe/Rome';

function locale(): string {
  return currentLanguage() === 'en' ? 'en-GB' : 'it-IT';
}

/** An ISO instant shown in Italian time, whatever the browser's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), {
    timeZone: TIME_ZONE,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(d);
}

export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const d = new Date(isoDate.length === 10 ? `${isoDate}T12:00:00Z` : isoDate);
  if (Number.isNaN(d.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale(), { timeZone: TIME_ZONE, dateStyle: 'medium' }).format(d);
}

/** "+01:00" or "+02:00": the offset of Italian time at that instant. */
function romeOffset(at: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = part?.match(/GMT([+-]\d{2}:\d{2})/);
  return m?.[1] ?? '+00:00';
}

/**
 * A calendar day (YYYY-MM-DD, as typed in a date field) turned into the ISO instant at which that day
 * starts, or ends, in Italy: what an administrator means by "from 3 March" or "to 5 March".
 */
export function romeDayBoundary(day: string, edge: 'start' | 'end'): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const time = edge === 'start' ? '00:00:00' : '23:59:59';
  const probe = new Date(`${day}T${edge === 'start' ? '00:30:00' : '23:30:00'}Z`);
  return `${day}T${time}${romeOffset(probe)}`;
}
