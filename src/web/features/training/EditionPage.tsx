import { Table } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { romeDate } from '../../../common/rome-time';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTimeMedium, formatDayLong } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { TableScroll } from '../../components/TableScroll';
import { NotFoundPage } from '../errors/NotFoundPage';
import { type PublicEdition, usePublicEdition } from './api';
import { Eligibility } from './Eligibility';
import { EnrolmentInfo } from './EnrolmentInfo';
import { CancelledBadge, dateWords, EditionStatusBadge } from './labels';
import { sessionTimes } from './times';

type PublicSession = PublicEdition['sessions'][number];

export function Venue({
  edition,
}: {
  edition: Pick<PublicEdition, 'online' | 'venueName' | 'venueAddress' | 'venueUnitName'>;
}) {
  const { t } = useTranslation();
  if (edition.online && !edition.venueName) return <>{t('calendar.online')}</>;
  const place = [edition.venueName, edition.venueAddress, edition.venueUnitName].filter(Boolean).join(', ');
  return (
    <>
      {place || t('calendar.placeTbd')}
      {edition.online ? ` (${t('training.alsoOnline')})` : ''}
    </>
  );
}

function Sessions({ sessions }: { sessions: PublicSession[] }) {
  const { t } = useTranslation();
  const sorted = [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <section aria-labelledby="edition-sessions" className="mt-5">
      <h2 id="edition-sessions" className="h3">
        {t('training.sessions')}
      </h2>
      {sorted.length === 0 ? (
        <p>{t('training.noSessions')}</p>
      ) : (
        <>
          {/* From tablets up, a table; on a phone, where six columns would be cut off, one block per session. */}
          <div className="d-none d-md-block">
            <TableScroll label={t('training.sessionsCaption', { count: sorted.length })}>
              <Table className="align-middle">
                <caption>{t('training.sessionsCaption', { count: sorted.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('training.date')}</th>
                    <th scope="col">{t('training.time')}</th>
                    <th scope="col">{t('training.session')}</th>
                    <th scope="col">{t('training.mode')}</th>
                    <th scope="col">{t('training.room')}</th>
                    <th scope="col">{t('training.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {sorted.map((s) => {
                    const cancelled = s.status === 'cancelled';
                    return (
                      <tr key={s.id} className={cancelled ? 'officina-entry-cancelled' : undefined}>
                        <td>{formatDayLong(romeDate(s.startsAt))}</td>
                        <td>{sessionTimes(s)}</td>
                        <th scope="row">{s.title}</th>
                        <td>{t(`modes.${s.mode}`)}</td>
                        <td>{s.room ?? '—'}</td>
                        <td>{cancelled ? <CancelledBadge /> : t('sessionStatus.scheduled')}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </Table>
            </TableScroll>
          </div>
          <ul className="d-md-none list-unstyled officina-stacked" aria-label={t('training.sessionsList')}>
            {sorted.map((s) => {
              const cancelled = s.status === 'cancelled';
              return (
                <li key={s.id} className={cancelled ? 'officina-entry-cancelled' : undefined}>
                  <h3 className="h5 mb-1">{s.title}</h3>
                  <dl className="mb-0">
                    <dt>{t('training.date')}</dt>
                    <dd>{formatDayLong(romeDate(s.startsAt))}</dd>
                    <dt>{t('training.time')}</dt>
                    <dd className="officina-stacked-time">{sessionTimes(s)}</dd>
                    <dt>{t('training.mode')}</dt>
                    <dd>{t(`modes.${s.mode}`)}</dd>
                    {s.room ? (
                      <>
                        <dt>{t('training.room')}</dt>
                        <dd>{s.room}</dd>
                      </>
                    ) : null}
                    <dt>{t('training.status')}</dt>
                    <dd>{cancelled ? <CancelledBadge /> : t('sessionStatus.scheduled')}</dd>
                  </dl>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

export default function EditionPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const numeric = Number(id);
  const valid = Number.isInteger(numeric) && numeric > 0;
  const edition = usePublicEdition(valid ? numeric : null);
  if (!valid) return <NotFoundPage />;
  if (edition.isPending) return <Loading />;
  if (edition.error) {
    if (edition.error instanceof ApiError && edition.error.status === 404) return <NotFoundPage />;
    return (
      <Page title={t('training.editionTitle')}>
        <ErrorAlert error={edition.error} />
        <Link to="/formazione">{t('training.backToCalendar')}</Link>
      </Page>
    );
  }
  const e = edition.data;
  const dates = t('training.fromTo', dateWords(formatDate(e.startsOn), formatDate(e.endsOn)));
  return (
    <Page
      title={e.title}
      lead={
        <>
          {t('training.editionOf')} <Link to={`/formazione/percorsi/${e.pathSlug}`}>{e.pathTitle}</Link>
        </>
      }
      description={t('training.editionDescription', { title: e.title, path: e.pathTitle, dates })}
    >
      <p>
        <Link to="/formazione">{t('training.backToCalendar')}</Link>
      </p>
      {e.status === 'cancelled' ? (
        <div className="alert alert-danger" role="status">
          <strong>{t('training.cancelled')}</strong>{' '}
          {e.cancelReason ? t('training.reason', { reason: e.cancelReason }) : null}
        </div>
      ) : null}
      <div className="row g-4">
        <div className="col-12 col-lg-7">
          <dl className="row">
            <dt className="col-sm-4">{t('training.status')}</dt>
            <dd className="col-sm-8">
              <EditionStatusBadge status={e.status} />
            </dd>
            <dt className="col-sm-4">{t('training.dates')}</dt>
            <dd className="col-sm-8">{dates}</dd>
            <dt className="col-sm-4">{t('training.place')}</dt>
            <dd className="col-sm-8">
              <Venue edition={e} />
            </dd>
            <dt className="col-sm-4">{t('training.seats')}</dt>
            <dd className="col-sm-8">
              {e.status === 'cancelled'
                ? '—'
                : t('training.seatsOf', { left: Math.max(0, e.seatsLeft), capacity: e.capacity })}
            </dd>
            <dt className="col-sm-4">{t('training.enrolmentWindow')}</dt>
            <dd className="col-sm-8">
              {t(
                'training.fromTo',
                dateWords(
                  formatDateTimeMedium(e.enrolmentOpensAt),
                  formatDateTimeMedium(e.enrolmentClosesAt),
                ),
              )}
            </dd>
            {e.trainers.length > 0 ? (
              <>
                <dt className="col-sm-4">{t('training.trainers')}</dt>
                <dd className="col-sm-8">{e.trainers.map((tr) => tr.name).join(', ')}</dd>
              </>
            ) : null}
          </dl>
          <section aria-labelledby="edition-eligibility" className="mt-4">
            <h2 id="edition-eligibility" className="h3">
              {t('training.eligibility')}
            </h2>
            <Eligibility eligibility={e.eligibility} />
          </section>
        </div>
        <div className="col-12 col-lg-5">
          <EnrolmentInfo edition={e} />
        </div>
      </div>
      <Sessions sessions={e.sessions} />
    </Page>
  );
}
