import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { ROME } from '../../../../common/rome-time.js';
import type { CalendarRow } from './repository.js';

/**
 * An RFC 5545 calendar of sessions: times in Europe/Rome with its VTIMEZONE, stamps in UTC, one
 * stable UID per session, SEQUENCE raised at every change, STATUS:CANCELLED for cancelled sessions or editions.
 * Online links appear only when includeLinks is set (personal feeds of people entitled to them).
 */
export function sessionsCalendar(
  rows: CalendarRow[],
  opts: { name: string; publicUrl: string; includeLinks: boolean },
): string {
  const host = new URL(opts.publicUrl).hostname;
  const cal = ical({
    name: opts.name,
    prodId: { company: 'Officina', product: 'calendario', language: 'IT' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide time zone: ical-generator would write DTSTAMP and LAST-MODIFIED in it as
    // floating times, where RFC 5545 wants UTC. Events carry TZID=Europe/Rome, whose VTIMEZONE the
    // generator still writes; X-WR-TIMEZONE keeps the hint clients use for the calendar's zone.
    timezone: { name: null, generator: getVtimezoneComponent },
    x: { 'X-WR-TIMEZONE': ROME },
    ttl: 3600,
  });
  for (const r of rows) {
    const cancelled = r.session.status === 'cancelled' || r.edition.status === 'cancelled';
    const pageUrl = `${opts.publicUrl}/formazione/edizioni/${r.edition.id}`;
    const where =
      r.edition.online || !r.edition.venueName
        ? 'Online'
        : [r.edition.venueName, r.session.room, r.edition.venueAddress].filter(Boolean).join(', ');
    const link = opts.includeLinks && r.session.onlineUrl ? `\nCollegamento: ${r.session.onlineUrl}` : '';
    cal.createEvent({
      id: `officina-session-${r.session.id}@${host}`,
      sequence:
        r.session.sequence + (r.edition.status === 'cancelled' && r.session.status !== 'cancelled' ? 1 : 0),
      // TZDate reads as Rome wall-clock time, which is what DTSTART;TZID=Europe/Rome must carry.
      start: new TZDate(r.session.startsAt.getTime(), ROME),
      end: new TZDate(r.session.endsAt.getTime(), ROME),
      timezone: ROME,
      stamp: r.session.updatedAt,
      lastModified: r.session.updatedAt,
      summary: `${r.path.title} — ${r.session.title}`,
      description: `${r.edition.title}\n${pageUrl}${link}`,
      location: where,
      url: pageUrl,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
