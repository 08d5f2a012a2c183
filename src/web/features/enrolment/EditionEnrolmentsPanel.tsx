import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Edition } from '../../../common/catalogue';
import { ENROLMENT_STATUSES, type SeatSummary } from '../../../common/enrolment';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChoiceField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { PagedResults } from '../../components/ResultsTable';
import { useMe } from '../auth/session';
import { useEditions } from '../catalogue/api';
import { dateWords } from '../training/labels';
import { enrolmentAccess } from './access';
import { useEnrolments, useSeats } from './api';
import { EnrolmentsTable } from './EnrolmentsTable';
import { QuotaEditor } from './QuotaEditor';

const PAGE_SIZE = 100;

function Seats({ summary }: { summary: SeatSummary }) {
  const { t } = useTranslation();
  const facts: [string, number][] = [
    [t('editionEnrolments.capacity'), summary.capacity],
    [t('editionEnrolments.confirmed'), summary.confirmed],
    [t('editionEnrolments.pending'), summary.pending],
    [t('editionEnrolments.waitlisted'), summary.waitlisted],
    [t('editionEnrolments.seatsLeft'), Math.max(0, summary.seatsLeft)],
  ];
  return (
    <dl className="row officina-seats">
      {facts.map(([label, value]) => (
        <div key={label} className="col-6 col-md-4 col-xl-2 mb-2">
          <dt className="small">{label}</dt>
          <dd className="h4 mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** An edition's enrolments on its administration page: seats, the list with the waitlist order, quotas. */
export function EditionEnrolmentsPanel({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const access = enrolmentAccess(me);
  const seats = useSeats(edition.id);
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const list = useEnrolments({ editionId: String(edition.id), status: status || undefined, page }, PAGE_SIZE);
  const siblings = useEditions({ pathId: edition.pathId });
  const moveChoices = (siblings.data?.items ?? [])
    .filter((e) => e.id !== edition.id && (e.status === 'published' || e.status === 'closed'))
    .map((e) => ({
      value: String(e.id),
      label: `${e.title} — ${t('training.fromTo', dateWords(formatDate(e.startsOn), formatDate(e.endsOn)))}`,
    }));
  return (
    <section aria-labelledby="edition-enrolments" className="mb-5">
      <h2 id="edition-enrolments" className="h4">
        {t('editionEnrolments.title')}
      </h2>
      <ErrorAlert error={seats.error} />
      {seats.data ? <Seats summary={seats.data} /> : null}
      <div className="row">
        <div className="col-12 col-md-6 col-lg-4">
          <ChoiceField
            id="edition-enrolments-status"
            label={t('unitEnrolments.status')}
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              setPage(1);
            }}
            empty={t('unitEnrolments.allStatuses')}
            choices={ENROLMENT_STATUSES.map((s) => ({ value: s, label: t(`enrolmentStatus.${s}`) }))}
          />
        </div>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {list.data ? t('editionEnrolments.caption', { count: list.data.total }) : ''}
      </p>
      <PagedResults
        query={list}
        pageSize={PAGE_SIZE}
        pagesLabel={t('editionEnrolments.pages')}
        onPage={setPage}
      >
        {(data) => (
          <EnrolmentsTable
            items={data.items}
            caption={t('editionEnrolments.caption', { count: data.total })}
            access={access}
            showEdition={false}
            showPosition
            moveChoices={moveChoices}
          />
        )}
      </PagedResults>
      {access.administer && seats.data ? <QuotaEditor summary={seats.data} /> : null}
    </section>
  );
}
