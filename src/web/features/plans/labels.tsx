import { Badge } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import type { PlanStatus } from '../../../common/assessment';
import { currentLanguage } from '../../i18n';

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  return <Badge color={status === 'approved' ? 'success' : 'warning'}>{t(`plans.status.${status}`)}</Badge>;
}

/** A bilingual text in the language of the page. */
export function local(text: { it: string; en: string }): string {
  return currentLanguage() === 'en' ? text.en : text.it;
}

/** "2027-T1" → "1° trimestre 2027" / "Q1 2027". */
export function quarterLabel(q: string, t: (k: string, o?: Record<string, unknown>) => string): string {
  const m = /^(\d{4})-T([1-4])$/.exec(q);
  return m ? t('plans.quarter', { n: m[2], year: m[1] }) : q;
}

export const hours = (n: number) =>
  n.toLocaleString(currentLanguage() === 'en' ? 'en-GB' : 'it-IT', { maximumFractionDigits: 1 });
