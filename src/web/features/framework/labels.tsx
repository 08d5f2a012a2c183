import { Badge } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import type { BilingualText, FrameworkStatus } from '../../../common/framework';
import { currentLanguage } from '../../i18n';

const COLORS: Record<FrameworkStatus, string> = {
  draft: 'warning',
  published: 'success',
  retired: 'secondary',
};

export function StatusBadge({ status }: { status: FrameworkStatus }) {
  const { t } = useTranslation();
  return <Badge color={COLORS[status]}>{t(`framework.status.${status}`)}</Badge>;
}

/** A text of the framework in the language of the page. */
export function local(text: BilingualText): string {
  return currentLanguage() === 'en' ? text.en : text.it;
}
