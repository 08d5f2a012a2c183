import { Badge } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import type { Enrolment, EnrolmentStatus } from '../../../common/enrolment';

const COLOURS: Record<EnrolmentStatus, string> = {
  pending: 'warning',
  confirmed: 'success',
  waitlisted: 'primary',
  rejected: 'danger',
  cancelled: 'secondary',
};

export function EnrolmentStatusBadge({ status }: { status: EnrolmentStatus }) {
  const { t } = useTranslation();
  return <Badge color={COLOURS[status]}>{t(`enrolmentStatus.${status}`)}</Badge>;
}

/** The badge, with the place in the queue of a waitlisted enrolment. */
export function EnrolmentState({ enrolment }: { enrolment: Pick<Enrolment, 'status' | 'waitlistPosition'> }) {
  const { t } = useTranslation();
  return (
    <span className="d-inline-flex flex-wrap align-items-center gap-2">
      <EnrolmentStatusBadge status={enrolment.status} />
      {enrolment.status === 'waitlisted' && enrolment.waitlistPosition !== null ? (
        <span className="small">{t('enrolmentStatus.position', { n: enrolment.waitlistPosition })}</span>
      ) : null}
    </span>
  );
}

/** The sentence a learner reads about their own enrolment. */
export function statusSentence(
  e: Pick<Enrolment, 'status' | 'waitlistPosition'>,
  t: (k: string, o?: Record<string, unknown>) => string,
): string {
  if (e.status === 'waitlisted' && e.waitlistPosition !== null)
    return t('enrolmentStatus.sentence.waitlistedAt', { n: e.waitlistPosition });
  return t(`enrolmentStatus.sentence.${e.status}`);
}
