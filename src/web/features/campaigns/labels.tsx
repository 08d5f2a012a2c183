import { Badge } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import type { CampaignStatus, ParticipantStatus } from '../../../common/assessment';
import { currentLanguage } from '../../i18n';

const COLORS: Record<CampaignStatus, string> = { draft: 'warning', open: 'success', closed: 'secondary' };
const PARTICIPANT_COLORS: Record<ParticipantStatus, string> = {
  invited: 'primary',
  in_progress: 'warning',
  submitted: 'success',
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return <Badge color={COLORS[status]}>{t(`campaigns.status.${status}`)}</Badge>;
}

export function ParticipantBadge({ status }: { status: ParticipantStatus }) {
  const { t } = useTranslation();
  return <Badge color={PARTICIPANT_COLORS[status]}>{t(`campaigns.participant.${status}`)}</Badge>;
}

/** A bilingual text in the language of the page. */
export function local(text: { it: string; en: string }): string {
  return currentLanguage() === 'en' ? text.en || text.it : text.it;
}

/** A rate 0..1 as a percentage ("42%"). */
export function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}
