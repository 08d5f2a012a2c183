import { useTranslation } from 'react-i18next';
import type { IssueSeverity } from './types';

const SEVERITY_CLASS: Record<IssueSeverity, string> = {
  alta: 'bg-danger',
  media: 'bg-warning text-dark',
  bassa: 'bg-secondary',
};

/** A severity as a badge whose words say it (the colour only repeats them). */
export function SeverityBadge({ severity }: { severity: IssueSeverity }) {
  const { t } = useTranslation();
  return <span className={`badge ${SEVERITY_CLASS[severity]}`}>{t(`taskforce.severity.${severity}`)}</span>;
}

/** "In ritardo" as words next to the date, not only a colour. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return <span className="badge bg-danger ms-2">{t('taskforce.overdue')}</span>;
}
