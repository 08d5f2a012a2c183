import { tzOffset } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { LEARNER_AREA_PATH } from '../../../../common/learning.js';
import { ROME } from '../../../../common/rome-time.js';
import type { CalendarRow } from './repository.js';

/**
 * An RFC 5545 calendar of sessions: times in Europe/Rome with its VTIMEZONE, stamps in UTC, one
 * stable UID per session, SEQUENCE raised at every change, STATUS:CANCELLED for cancelled sessions or editions.
 * Online links appear only when includeLinks is set (personal feeds of people entitled to them).
 *
 * Written line by line rather than through a general iCalendar library: the national feed has
 * thousands of events, and the library measured every character's UTF-8 length with a new
 * TextEncoder while folding, which held the event loop for over a second per feed.
 */
export function sessionsCalendar(
  rows: CalendarRow[],
  opts: {
    name: string;
    publicUrl: string;
    includeLinks: boolean;
    /** Webinars are held in the platform's room: the feed points to the page with the join button. */
    platformRooms?: boolean;
  },
): string {
  const host = new URL(opts.publicUrl).hostname;
  const out: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Officina//calendario//IT',
    'METHOD:PUBLISH',
    contentLine('NAME', text(opts.name)),
    contentLine('X-WR-CALNAME', text(opts.name)),
    // Clients that ignore VTIMEZONE still learn the calendar's zone from this hint.
    `X-WR-TIMEZONE:${ROME}`,
    ...romeVtimezone(),
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ];
  const wall = romeWallClock();
  for (const r of rows) {
    const cancelled = r.session.status === 'cancelled' || r.edition.status === 'cancelled';
    const pageUrl = `${opts.publicUrl}/formazione/edizioni/${r.edition.id}`;
    const where =
      r.edition.online || !r.edition.venueName
        ? 'Online'
        : [r.edition.venueName, r.session.room, r.edition.venueAddress].filter(Boolean).join(', ');
    const online =
      opts.platformRooms && r.session.mode === 'webinar'
        ? `${opts.publicUrl}${LEARNER_AREA_PATH}/sessioni`
        : r.session.onlineUrl;
    const link = opts.includeLinks && online ? `\nCollegamento: ${online}` : '';
    const sequence =
      r.session.sequence + (r.edition.status === 'cancelled' && r.session.status !== 'cancelled' ? 1 : 0);
    // DTSTAMP and LAST-MODIFIED are UTC, as RFC 5545 wants; DTSTART/DTEND are Rome wall-clock times.
    const stamp = utc(r.session.updatedAt);
    out.push(
      'BEGIN:VEVENT',
      contentLine('UID', `officina-session-${r.session.id}@${host}`),
      `SEQUENCE:${sequence}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;TZID=${ROME}:${wall(r.session.startsAt)}`,
      `DTEND;TZID=${ROME}:${wall(r.session.endsAt)}`,
      contentLine('SUMMARY', text(`${r.path.title} — ${r.session.title}`)),
      contentLine('LOCATION', text(where)),
      contentLine('DESCRIPTION', text(`${r.edition.title}\n${pageUrl}${link}`)),
      contentLine('URL;VALUE=URI', pageUrl),
      `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      `LAST-MODIFIED:${stamp}`,
      'END:VEVENT',
    );
  }
  out.push('END:VCALENDAR', '');
  return out.join('\r\n');
}

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as \n. */
export function text(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A content line folded at 75 octets (RFC 5545 §3.1): each continuation line starts with one space,
 * which counts in its 75, and a character is never split between lines.
 */
export function contentLine(name: string, value: string): string {
  const line = `${name}:${value}`;
  // Fast path: 75 characters or fewer are at most 75 octets only if ASCII; check the rest by octets.
  if (line.length <= 75 && isAscii(line)) return line;
  let folded = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0) as number);
    if (octets + size > 75) {
      folded += '\r\n ';
      octets = 1;
    }
    folded += ch;
    octets += size;
  }
  return folded;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** An instant as a UTC DATE-TIME, to the second: 20260102T030405Z. */
export function utc(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/**
 * Formats instants as Rome wall-clock DATE-TIMEs (20260329T090000). Rome's offset changes only on
 * whole UTC hours, so it is looked up once per hour of the instants seen.
 */
export function romeWallClock(): (d: Date) => string {
  const offsets = new Map<number, number>();
  return (d) => {
    const hour = Math.floor(d.getTime() / 3_600_000);
    let minutes = offsets.get(hour);
    if (minutes === undefined) {
      minutes = tzOffset(ROME, d);
      offsets.set(hour, minutes);
    }
    return utc(new Date(d.getTime() + minutes * 60_000)).slice(0, -1);
  };
}

let vtimezone: string[] | undefined;

function romeVtimezone(): string[] {
  if (!vtimezone) {
    const component = getVtimezoneComponent(ROME);
    if (!component) throw new Error(`no VTIMEZONE for ${ROME}`);
    vtimezone = component.split(/\r?\n/).filter((l) => l !== '');
  }
  return vtimezone;
}
