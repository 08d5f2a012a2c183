import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MySession } from '../../../common/learning';
import { romeDate } from '../../../common/rome-time';
import { formatDayLong } from '../../components/format';
import { ResultsTable } from '../../components/ResultsTable';
import { CancelledBadge } from '../training/labels';
import { sessionTimes } from '../training/times';
import { WebinarJoin } from '../webinars';

function Place({ s }: { s: MySession }) {
  const { t } = useTranslation();
  if (s.status === 'cancelled') return <CancelledBadge />;
  const place = [s.venueName, s.venueAddress, s.room].filter(Boolean).join(', ');
  return (
    <>
      {place ? <span className="d-block">{place}</span> : null}
      {s.webinar ? (
        <WebinarJoin session={{ ...s, title: s.sessionTitle }} room={s.webinar} />
      ) : s.onlineUrl ? (
        <a href={s.onlineUrl} rel="noopener noreferrer" className="d-block">
          {t('mySessions.join')}
          <span className="visually-hidden"> {s.sessionTitle}</span>
        </a>
      ) : s.online && !place ? (
        <span className="d-block">{t('mySessions.linkSoon')}</span>
      ) : null}
    </>
  );
}

/** Sessions of the learner's confirmed enrolments, with where to go or the link to join. */
export function SessionsTable({ items, caption }: { items: MySession[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <ResultsTable
      caption={caption}
      columns={[
        t('training.date'),
        t('training.time'),
        t('training.session'),
        t('training.mode'),
        t('mySessions.where'),
      ]}
      items={items}
      empty={t('mySessions.none')}
      row={(s) => (
        <tr key={s.sessionId} className={s.status === 'cancelled' ? 'officina-entry-cancelled' : undefined}>
          <td>{formatDayLong(romeDate(s.startsAt))}</td>
          <td className="text-nowrap">{sessionTimes(s)}</td>
          <th scope="row">
            {s.sessionTitle}
            <Link className="d-block small fw-normal" to={`/formazione/edizioni/${s.editionId}`}>
              {s.pathTitle} — {s.editionTitle}
            </Link>
          </th>
          <td>{t(`modes.${s.mode}`)}</td>
          <td>
            <Place s={s} />
          </td>
        </tr>
      )}
    />
  );
}
