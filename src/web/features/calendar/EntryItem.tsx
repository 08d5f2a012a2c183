import { Badge } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CalendarEntry } from '../../../common/catalogue';
import { CancelledBadge } from '../training/labels';
import { sessionTimes } from '../training/times';

export function isCancelled(e: CalendarEntry): boolean {
  return e.status === 'cancelled' || e.editionStatus === 'cancelled';
}

const isOnline = (e: CalendarEntry) => e.mode === 'webinar' || e.mode === 'online';

/** Where a session takes place, in words. */
export function placeOf(e: CalendarEntry, t: (k: string) => string): string {
  if (isOnline(e)) return t('calendar.online');
  return [e.venueName, e.room, e.venueAddress].filter(Boolean).join(', ') || t('calendar.placeTbd');
}

/** One session in the list and week views: heading, time, place, path and edition, seats. */
export function EntryItem({
  entry,
  domainName,
  headingLevel = 3,
}: {
  entry: CalendarEntry;
  domainName?: string;
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation();
  const cancelled = isCancelled(entry);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <li className={`officina-entry${cancelled ? ' officina-entry-cancelled' : ''}`}>
      <div className="officina-entry-time">
        <span className="visually-hidden">{t('calendar.time')} </span>
        {sessionTimes(entry)}
      </div>
      <div className="officina-entry-body">
        <Heading className="h5 mb-1">
          <Link to={`/formazione/edizioni/${entry.editionId}`}>
            {entry.pathTitle}
            <span className="visually-hidden">
              {' '}
              — {entry.sessionTitle}, {entry.editionTitle}
              {cancelled ? ` (${t('sessionStatus.cancelled')})` : ''}
            </span>
          </Link>
        </Heading>
        <p className="mb-1">
          {entry.sessionTitle} · {entry.editionTitle}
        </p>
        <p className="mb-1 small">
          {placeOf(entry, t)}
          {entry.regionName && !isOnline(entry) ? ` (${entry.regionName})` : ''}
        </p>
        <div className="d-flex flex-wrap gap-2 align-items-center">
          <Badge color="primary">{t(`modes.${entry.mode}`)}</Badge>
          {domainName ? (
            <Badge color="secondary" className="officina-badge-domain">
              {domainName}
            </Badge>
          ) : null}
          {cancelled ? (
            <CancelledBadge />
          ) : (
            <span className="small">
              {entry.seatsLeft > 0 ? t('calendar.seats', { count: entry.seatsLeft }) : t('calendar.full')}
            </span>
          )}
        </div>
      </div>
    </li>
  );
}
