import { useTranslation } from 'react-i18next';
import type { HiringState } from '../../../common/capacity';

const COLOURS: Record<HiringState, string> = {
  sbloccato: 'bg-success',
  bloccato: 'bg-danger',
  da_verificare: 'bg-warning text-dark',
};

/** "Sblocco assunzioni" as a badge: sbloccato / bloccato / da verificare. */
export function StateBadge({ state }: { state: HiringState }) {
  const { t } = useTranslation();
  return <span className={`badge ${COLOURS[state]}`}>{t(`capacity.state.${state}`)}</span>;
}
