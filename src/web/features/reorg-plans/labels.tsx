import { Badge } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { euroInput } from '../../../common/money';
import type { PlanTotals } from '../../../common/reorg-plans';
import type { AdoptionAct, ReorgStatus } from '../../../common/restructuring';
import { formatDate, formatNumber } from '../../components/format';

const COLOURS: Record<ReorgStatus, string> = {
  non_avviato: 'secondary',
  in_predisposizione: 'warning',
  adottato: 'primary',
  trasmesso: 'info',
  verificato: 'success',
  da_aggiornare: 'danger',
};

/** The workflow status, as a badge whose text says it (the colour only repeats it). */
export function StatusBadge({ status }: { status: ReorgStatus }) {
  const { t } = useTranslation();
  return <Badge color={COLOURS[status]}>{t(`reorgPlan.status.${status}`)}</Badge>;
}

export function actText(act: AdoptionAct | null, t: (k: string) => string): string {
  if (!act) return t('reorgPlan.act.absent');
  return `${t(`reorgPlan.act.${act.type}`)} n. ${act.number}, ${formatDate(act.date)}`;
}

export const euro = (cents: number) => `${euroInput(cents)} €`;

/** The totals of a version, as a definition list. */
export function Totals({ totals }: { totals: PlanTotals }) {
  const { t } = useTranslation();
  const functions = Object.values(totals.functions).reduce((a, b) => a + b, 0);
  return (
    <dl className="row mb-3" aria-label={t('reorgPlan.totals.caption')}>
      <dt className="col-6 col-md-3">{t('reorgPlan.totals.functions')}</dt>
      <dd className="col-6 col-md-3">
        {formatNumber(functions)}{' '}
        <small className="text-muted">
          (
          {Object.entries(totals.functions)
            .filter(([, n]) => n > 0)
            .map(([k, n]) => `${t(`reorgPlan.kind.${k}`)} ${n}`)
            .join(', ')}
          )
        </small>
      </dd>
      <dt className="col-6 col-md-3">{t('reorgPlan.totals.planned')}</dt>
      <dd className="col-6 col-md-3">{formatNumber(totals.planned)}</dd>
      <dt className="col-6 col-md-3">{t('reorgPlan.totals.covered')}</dt>
      <dd className="col-6 col-md-3">{formatNumber(totals.covered)}</dd>
      <dt className="col-6 col-md-3">{t('reorgPlan.totals.vacant')}</dt>
      <dd className="col-6 col-md-3">{formatNumber(totals.vacant)}</dd>
      <dt className="col-6 col-md-3">{t('reorgPlan.totals.cost')}</dt>
      <dd className="col-6 col-md-3">{euro(totals.annualCostCents)}</dd>
    </dl>
  );
}
