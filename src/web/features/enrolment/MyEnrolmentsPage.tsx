import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Enrolment } from '../../../common/enrolment';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultsTable } from '../../components/ResultsTable';
import { LogbookLink, useAffiancamentoEnrolments } from '../attendance/LogbookLink';
import { dateWords } from '../training/labels';
import { ACTIVE_STATUSES, useCancelEnrolment, useMyEnrolments } from './api';
import { EnrolmentState } from './labels';
import { useNotice } from './Notice';
import { EnrolmentReasonDialog } from './ReasonDialog';

/** What else there is to know about an enrolment, under its status. */
function StatusNotes({ e }: { e: Enrolment }) {
  const { t } = useTranslation();
  const notes: string[] = [];
  if (e.status === 'pending') notes.push(t('myEnrolments.pendingNote'));
  if (e.status === 'rejected' && e.decisionReason)
    notes.push(t('myEnrolments.rejectedReason', { reason: e.decisionReason }));
  if (e.status === 'cancelled')
    notes.push(
      e.cancelReason
        ? t('myEnrolments.cancelledOnWithReason', {
            date: formatDateTime(e.cancelledAt),
            reason: e.cancelReason,
          })
        : t('myEnrolments.cancelledOn', { date: formatDateTime(e.cancelledAt) }),
    );
  if (e.nominatedByName) notes.push(t('myEnrolments.nominatedBy', { name: e.nominatedByName }));
  if (notes.length === 0) return null;
  return (
    <ul className="list-unstyled small mb-0 mt-1">
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}

/** The learner's own enrolments, newest first, with the way to cancel those still cancellable. */
export default function MyEnrolmentsPage() {
  const { t } = useTranslation();
  const mine = useMyEnrolments();
  const cancel = useCancelEnrolment();
  const notice = useNotice();
  const [cancelling, setCancelling] = useState<Enrolment | null>(null);
  const items = mine.data?.items ?? [];
  const withLogbook = useAffiancamentoEnrolments();
  return (
    <Page title={t('myEnrolments.title')} lead={t('myEnrolments.lead')}>
      <p>
        <Link to="/formazione">{t('myEnrolments.findCourses')}</Link>
      </p>
      {notice.node}
      <ErrorAlert error={mine.error} />
      {mine.isPending ? <Loading /> : null}
      {mine.data ? (
        <ResultsTable
          caption={t('myEnrolments.caption', { count: items.length })}
          columns={[
            t('myEnrolments.edition'),
            t('myEnrolments.dates'),
            t('myEnrolments.status'),
            t('myEnrolments.requestedAt'),
            <span key="actions" className="visually-hidden">
              {t('common.actions')}
            </span>,
          ]}
          items={items}
          empty={t('myEnrolments.none')}
          row={(e) => (
            <tr key={e.id}>
              <th scope="row">
                <Link to={`/formazione/edizioni/${e.editionId}`}>{e.editionTitle}</Link>
                <span className="d-block small fw-normal">{e.pathTitle}</span>
              </th>
              <td>{t('training.fromTo', dateWords(formatDate(e.startsOn), formatDate(e.endsOn)))}</td>
              <td>
                <EnrolmentState enrolment={e} />
                <StatusNotes e={e} />
              </td>
              <td>{formatDateTime(e.requestedAt)}</td>
              <td className="text-end text-nowrap">
                <LogbookLink enrolment={e} withLogbook={withLogbook} />{' '}
                {ACTIVE_STATUSES.includes(e.status) && e.cancellable ? (
                  <Button
                    color="danger"
                    outline
                    size="xs"
                    onClick={() => {
                      cancel.reset();
                      notice.clear();
                      setCancelling(e);
                    }}
                  >
                    {t('enrol.cancel')}
                    <span className="visually-hidden"> {e.editionTitle}</span>
                  </Button>
                ) : null}
              </td>
            </tr>
          )}
        />
      ) : null}
      <EnrolmentReasonDialog
        open={cancelling !== null}
        title={t('enrol.cancelTitle')}
        text={t('enrol.cancelText', { title: cancelling?.editionTitle ?? '' })}
        confirmLabel={t('enrol.cancelConfirm')}
        required={false}
        hint={t('enrol.cancelHint')}
        pending={cancel.isPending}
        error={cancel.error}
        onClose={() => setCancelling(null)}
        onConfirm={(reason) => {
          if (!cancelling) return;
          cancel.mutate(
            { id: cancelling.id, reason },
            {
              onSuccess: (e) => {
                setCancelling(null);
                notice.show(t('myEnrolments.cancelled', { title: e.editionTitle }));
              },
            },
          );
        }}
      />
    </Page>
  );
}
