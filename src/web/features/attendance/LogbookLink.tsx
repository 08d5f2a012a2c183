import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Enrolment } from '../../../common/enrolment';
import { addDays, romeToday } from '../../../common/rome-time';
import { useMySessions } from '../learning/api';
import { logbookPath } from './access';

/**
 * The learner's enrolments with an affiancamento session already begun (days can be logged only up to
 * today), over the longest span the API gives in one go.
 */
export function useAffiancamentoEnrolments(enabled = true): Set<number> {
  const today = romeToday();
  const sessions = useMySessions({ from: addDays(today, -395), to: today }, enabled);
  return new Set((sessions.data ?? []).filter((s) => s.mode === 'affiancamento').map((s) => s.enrolmentId));
}

/** "Diario di affiancamento" next to a confirmed enrolment of an edition with affiancamento. */
export function LogbookLink({ enrolment, withLogbook }: { enrolment: Enrolment; withLogbook: Set<number> }) {
  const { t } = useTranslation();
  if (enrolment.status !== 'confirmed' || !withLogbook.has(enrolment.id)) return null;
  return (
    <Link className="btn btn-outline-primary btn-xs" to={logbookPath(enrolment.id)}>
      {t('logbook.link')}
      <span className="visually-hidden"> {enrolment.editionTitle}</span>
    </Link>
  );
}
