import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { SelfEnrolmentRefusal } from '../../../common/catalogue';
import type { Enrolment } from '../../../common/enrolment';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTimeText } from '../../components/format';
import { useMe } from '../auth/session';
import type { PublicEdition } from '../training/api';
import { dateWords } from '../training/labels';
import { enrolmentAccess, nominateLink } from './access';
import { ACTIVE_STATUSES, useCancelEnrolment, useEnrol, useMyEnrolments } from './api';
import { statusSentence } from './labels';
import { useNotice } from './Notice';
import { EnrolmentReasonDialog } from './ReasonDialog';

/** The person's own enrolment in this edition, and what they can do about it. */
function MyEnrolment({ enrolment, edition }: { enrolment: Enrolment; edition: PublicEdition }) {
  const { t } = useTranslation();
  const active = ACTIVE_STATUSES.includes(enrolment.status);
  // Once the edition is completed or cancelled there is nothing left to withdraw from.
  const over = enrolment.editionStatus === 'completed' || enrolment.editionStatus === 'cancelled';
  return (
    <div className="mb-3">
      <p className="mb-2">
        <strong>{statusSentence(enrolment, t)}</strong>
      </p>
      {enrolment.status === 'pending' ? <p className="mb-2">{t('enrol.pendingHelp')}</p> : null}
      {enrolment.status === 'waitlisted' ? <p className="mb-2">{t('enrol.waitlistHelp')}</p> : null}
      {enrolment.status === 'rejected' && enrolment.decisionReason ? (
        <p className="mb-2">{t('enrol.reason', { reason: enrolment.decisionReason })}</p>
      ) : null}
      {active && enrolment.cancellable && edition.cancellationClosesAt ? (
        <p className="mb-2">
          {t('enrol.cancelUntil', dateWords('', formatDateTimeText(edition.cancellationClosesAt)))}
        </p>
      ) : null}
      {active && !enrolment.cancellable && !over ? <p className="mb-2">{t('enrol.cancelClosed')}</p> : null}
    </div>
  );
}

/** The words for a refusal; a path reserved to Convenzioni says so rather than "other Provinces". */
function refusalKey(reason: SelfEnrolmentRefusal, edition: PublicEdition): string {
  if (reason === 'NOT_ELIGIBLE' && edition.eligibility.kind === 'agreement') return 'NOT_ELIGIBLE_agreement';
  return reason;
}

/**
 * Enrolling from an edition's public page: visitors are sent to sign in (and back); a signed-in person
 * sees their enrolment, or the button to enrol while the window is open.
 */
export function EnrolAction({ edition, open }: { edition: PublicEdition; open: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: me, isPending: mePending } = useMe();
  const mine = useMyEnrolments(!!me);
  const enrol = useEnrol();
  const cancel = useCancelEnrolment();
  const notice = useNotice();
  const [cancelling, setCancelling] = useState(false);

  if (mePending) return null;
  if (!me) {
    if (!open) return null;
    const next = `${location.pathname}${location.search}`;
    return (
      <Link className="btn btn-primary" to={`/accedi?next=${encodeURIComponent(next)}`}>
        {t('enrol.signIn')}
      </Link>
    );
  }

  // Newest first: the latest enrolment in this edition tells where the person stands.
  const current = mine.data?.items.find((e) => e.editionId === edition.id);
  const active = current !== undefined && ACTIVE_STATUSES.includes(current.status);
  const access = enrolmentAccess(me);
  // The server answers with the edition whether this person may enrol, by the rule enrolment applies:
  // a refusal is said in words instead of a button that would fail.
  const refusal = edition.enrolment?.allowed === false ? edition.enrolment.reason : null;
  return (
    <div>
      {notice.node}
      <ErrorAlert error={mine.error} />
      {current && current.status !== 'cancelled' ? (
        <MyEnrolment enrolment={current} edition={edition} />
      ) : null}
      <ErrorAlert error={enrol.error} />
      {open && !active && mine.data && refusal && refusal !== 'ALREADY_ENROLLED' ? (
        <p className="mb-2" data-enrolment-refusal={refusal}>
          <strong>{t(`enrol.refused.${refusalKey(refusal, edition)}`)}</strong>
        </p>
      ) : null}
      {open && !active && mine.data && !refusal ? (
        <>
          {edition.approvalRequired ? <p className="mb-2">{t('enrol.approvalNeeded')}</p> : null}
          {edition.seatsLeft <= 0 ? <p className="mb-2">{t('enrol.waitlistOnly')}</p> : null}
          <Button
            color="primary"
            disabled={enrol.isPending}
            onClick={() => {
              notice.clear();
              enrol.mutate(edition.id, {
                onSuccess: (e) => notice.show(t(`enrol.done.${e.status}`, { n: e.waitlistPosition ?? '' })),
              });
            }}
          >
            {t('enrol.button')}
          </Button>
        </>
      ) : null}
      {active && current.cancellable ? (
        <Button
          color="danger"
          outline
          onClick={() => {
            cancel.reset();
            notice.clear();
            setCancelling(true);
          }}
        >
          {t('enrol.cancel')}
        </Button>
      ) : null}
      {access.manage && edition.status === 'published' ? (
        <p className="mt-3 mb-0">
          <Link to={nominateLink(edition.pathSlug, edition.id)}>{t('enrol.nominateStaff')}</Link>
        </p>
      ) : null}
      <EnrolmentReasonDialog
        open={cancelling}
        title={t('enrol.cancelTitle')}
        text={t('enrol.cancelText', { title: edition.title })}
        confirmLabel={t('enrol.cancelConfirm')}
        required={false}
        hint={t('enrol.cancelHint')}
        pending={cancel.isPending}
        error={cancel.error}
        onClose={() => setCancelling(false)}
        onConfirm={(reason) => {
          if (!current) return;
          cancel.mutate(
            { id: current.id, reason },
            {
              onSuccess: () => {
                setCancelling(false);
                notice.show(t('enrol.cancelled'));
              },
            },
          );
        }}
      />
    </div>
  );
}
