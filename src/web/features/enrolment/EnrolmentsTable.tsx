import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Enrolment } from '../../../common/enrolment';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Choice } from '../../components/Field';
import { formatDate, formatDateTime } from '../../components/format';
import { ResultsTable } from '../../components/ResultsTable';
import { dateWords } from '../training/labels';
import type { EnrolmentAccess } from './access';
import { ACTIVE_STATUSES, useCancelEnrolment, useDecision, useMoveEnrolment } from './api';
import { EnrolmentState } from './labels';
import { MoveDialog } from './MoveDialog';
import { useNotice } from './Notice';
import { EnrolmentReasonDialog } from './ReasonDialog';

type Asking = { kind: 'reject' | 'cancel' | 'move'; enrolment: Enrolment } | null;

function Notes({ e }: { e: Enrolment }) {
  const { t } = useTranslation();
  const notes: string[] = [];
  if (e.status === 'rejected' && e.decisionReason)
    notes.push(t('manageEnrolments.reason', { reason: e.decisionReason }));
  if (e.status === 'cancelled' && e.cancelReason)
    notes.push(t('manageEnrolments.reason', { reason: e.cancelReason }));
  if (e.nominatedByName) notes.push(t('manageEnrolments.nominatedBy', { name: e.nominatedByName }));
  if (notes.length === 0) return null;
  return (
    <ul className="list-unstyled small mb-0 mt-1">
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}

/**
 * Enrolments of other people with what the viewer may do about them: approve or reject a request,
 * cancel, and (administrators, on an edition's page) move to another edition of the same path.
 */
export function EnrolmentsTable({
  items,
  caption,
  access,
  showEdition,
  showPosition,
  moveChoices,
}: {
  items: Enrolment[];
  caption: string;
  access: EnrolmentAccess;
  showEdition: boolean;
  showPosition: boolean;
  /** Editions one may move to; none means moving is not offered here. */
  moveChoices?: Choice[];
}) {
  const { t } = useTranslation();
  const decision = useDecision();
  const cancel = useCancelEnrolment();
  const move = useMoveEnrolment();
  const notice = useNotice();
  const [asking, setAsking] = useState<Asking>(null);
  const ask = (kind: 'reject' | 'cancel' | 'move', enrolment: Enrolment) => {
    decision.reset();
    cancel.reset();
    move.reset();
    notice.clear();
    setAsking({ kind, enrolment });
  };
  const canMove = access.administer && (moveChoices?.length ?? 0) > 0;
  const actions = access.manage || canMove;
  const columns = [
    ...(showPosition ? [t('manageEnrolments.position')] : []),
    t('manageEnrolments.person'),
    ...(showEdition ? [t('manageEnrolments.edition')] : []),
    t('manageEnrolments.status'),
    t('manageEnrolments.queuedAt'),
    ...(actions
      ? [
          <span key="actions" className="visually-hidden">
            {t('common.actions')}
          </span>,
        ]
      : []),
  ];
  const who = asking?.enrolment.userName ?? '';

  return (
    <>
      {notice.node}
      {asking ? null : <ErrorAlert error={decision.error} />}
      <ResultsTable
        caption={caption}
        columns={columns}
        items={items}
        empty={t('manageEnrolments.none')}
        row={(e) => {
          const active = ACTIVE_STATUSES.includes(e.status);
          return (
            <tr key={e.id}>
              {showPosition ? <td>{e.waitlistPosition ?? '—'}</td> : null}
              <th scope="row">
                {e.userName}
                <span className="d-block small fw-normal">{e.userEmail}</span>
                {e.unitName ? <span className="d-block small fw-normal">{e.unitName}</span> : null}
              </th>
              {showEdition ? (
                <td>
                  <Link to={`/formazione/edizioni/${e.editionId}`}>{e.editionTitle}</Link>
                  <span className="d-block small">{e.pathTitle}</span>
                  <span className="d-block small">
                    {t('training.fromTo', dateWords(formatDate(e.startsOn), formatDate(e.endsOn)))}
                  </span>
                </td>
              ) : null}
              <td>
                <EnrolmentState enrolment={e} />
                <Notes e={e} />
              </td>
              <td>{formatDateTime(e.queuedAt)}</td>
              {actions ? (
                <td className="text-end">
                  <div className="d-flex flex-wrap gap-2 justify-content-end">
                    {access.manage && e.status === 'pending' ? (
                      <>
                        <Button
                          color="primary"
                          size="xs"
                          disabled={decision.isPending}
                          onClick={() => {
                            notice.clear();
                            decision.mutate(
                              { id: e.id, body: { decision: 'approve' } },
                              {
                                onSuccess: (done) =>
                                  notice.show(
                                    t(`manageEnrolments.approved.${done.status}`, {
                                      name: done.userName,
                                      n: done.waitlistPosition ?? '',
                                    }),
                                  ),
                              },
                            );
                          }}
                        >
                          {t('manageEnrolments.approve')}
                          <span className="visually-hidden">
                            {' '}
                            {t('manageEnrolments.requestOf', { name: e.userName })}
                          </span>
                        </Button>
                        <Button color="danger" outline size="xs" onClick={() => ask('reject', e)}>
                          {t('manageEnrolments.reject')}
                          <span className="visually-hidden">
                            {' '}
                            {t('manageEnrolments.requestOf', { name: e.userName })}
                          </span>
                        </Button>
                      </>
                    ) : null}
                    {active && canMove ? (
                      <Button color="primary" outline size="xs" onClick={() => ask('move', e)}>
                        {t('manageEnrolments.move')}
                        <span className="visually-hidden"> {e.userName}</span>
                      </Button>
                    ) : null}
                    {access.manage && active ? (
                      <Button color="danger" outline size="xs" onClick={() => ask('cancel', e)}>
                        {t('manageEnrolments.cancel')}
                        <span className="visually-hidden">
                          {' '}
                          {t('manageEnrolments.enrolmentOf', { name: e.userName })}
                        </span>
                      </Button>
                    ) : null}
                  </div>
                </td>
              ) : null}
            </tr>
          );
        }}
      />
      <EnrolmentReasonDialog
        open={asking?.kind === 'reject'}
        title={t('manageEnrolments.rejectTitle', { name: who })}
        text={t('manageEnrolments.rejectText')}
        confirmLabel={t('manageEnrolments.rejectConfirm')}
        required
        hint={t('manageEnrolments.rejectHint')}
        pending={decision.isPending}
        error={asking?.kind === 'reject' ? decision.error : null}
        onClose={() => setAsking(null)}
        onConfirm={(reason) => {
          if (!asking) return;
          decision.mutate(
            { id: asking.enrolment.id, body: { decision: 'reject', reason: reason ?? '' } },
            {
              onSuccess: (done) => {
                setAsking(null);
                notice.show(t('manageEnrolments.rejected', { name: done.userName }));
              },
            },
          );
        }}
      />
      <EnrolmentReasonDialog
        open={asking?.kind === 'cancel'}
        title={t('manageEnrolments.cancelTitle', { name: who })}
        text={t('manageEnrolments.cancelText')}
        confirmLabel={t('manageEnrolments.cancelConfirm')}
        required={false}
        hint={t('manageEnrolments.cancelHint')}
        pending={cancel.isPending}
        error={cancel.error}
        onClose={() => setAsking(null)}
        onConfirm={(reason) => {
          if (!asking) return;
          cancel.mutate(
            { id: asking.enrolment.id, reason },
            {
              onSuccess: (done) => {
                setAsking(null);
                notice.show(t('manageEnrolments.cancelled', { name: done.userName }));
              },
            },
          );
        }}
      />
      <MoveDialog
        open={asking?.kind === 'move'}
        name={who}
        choices={(moveChoices ?? []).filter((c) => c.value !== String(asking?.enrolment.editionId))}
        pending={move.isPending}
        error={move.error}
        onClose={() => setAsking(null)}
        onConfirm={(toEditionId) => {
          if (!asking) return;
          move.mutate(
            { id: asking.enrolment.id, toEditionId },
            {
              onSuccess: (done) => {
                setAsking(null);
                notice.show(t('manageEnrolments.moved', { name: done.userName, title: done.editionTitle }));
              },
            },
          );
        }}
      />
    </>
  );
}
