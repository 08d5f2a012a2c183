import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapacityView } from '../../../common/capacity-api';
import { formatEuro, formatPercent, formatRatio } from '../../../common/money';
import { Panel } from '../../components/Panel';
import { StateBadge } from './labels';

/** The year's figures and what follows from them: ratio, threshold, headroom, hiring status and reasons. */
export function CapacitySummary({ view: v, lang }: { view: CapacityView; lang: string }) {
  const { t } = useTranslation();
  const f = v.figures;
  const r = v.result;
  const nf = new Intl.NumberFormat(lang.startsWith('en') ? 'en-GB' : 'it-IT');
  const stale = <span className="badge bg-warning text-dark ms-2">{t('capacity.staleFigure')}</span>;
  return (
    <>
      <Panel title={t('capacity.status.title', { year: v.year })} icon="it-check-circle">
        {v.past ? (
          <p className="alert alert-info py-2">
            {t('capacity.past', { year: v.year, current: v.currentYear })}
          </p>
        ) : null}
        <p className="h4">
          <StateBadge state={v.hiring.state} />
        </p>
        <ul>
          {v.hiring.reasons.map((reason) => (
            <li key={reason}>
              {t(`capacity.reasons.${reason}`, {
                status: t(`capacity.plan.${v.planStatus}`, { defaultValue: v.planStatus }),
              })}
            </li>
          ))}
        </ul>
        <dl className="row mb-0">
          <dt className="col-sm-6">{t('capacity.ratio')}</dt>
          <dd className="col-sm-6">{r.ratioPercent === null ? '—' : formatRatio(r.ratioPercent, lang)}</dd>
          <dt className="col-sm-6">{t('capacity.threshold')}</dt>
          <dd className="col-sm-6">
            {v.threshold ? (
              <>
                {formatPercent(v.threshold.thresholdBp, lang)}
                <div className="small">{v.threshold.source}</div>
              </>
            ) : (
              t('capacity.noThreshold')
            )}
          </dd>
          <dt className="col-sm-6">{t('capacity.population')}</dt>
          <dd className="col-sm-6">
            {v.population ? (
              <>
                {t('capacity.populationValue', {
                  n: nf.format(v.population.population),
                  year: v.population.year,
                })}
                {v.population.stale ? stale : null}
                <div className="small">{v.population.source}</div>
              </>
            ) : (
              t('capacity.noPopulation')
            )}
          </dd>
          <dt className="col-sm-6">{t('capacity.netRevenue')}</dt>
          <dd className="col-sm-6">{formatEuro(r.netRevenueCents, lang)}</dd>
          <dt className="col-sm-6">{t('capacity.headroom')}</dt>
          <dd className="col-sm-6">
            {r.headroomCents === null ? (
              '—'
            ) : r.headroomCents < 0 ? (
              <strong className="text-danger">
                {t('capacity.excess', { amount: formatEuro(-r.headroomCents, lang) })}
              </strong>
            ) : (
              formatEuro(r.headroomCents, lang)
            )}
          </dd>
        </dl>
      </Panel>
      <Panel title={t('capacity.figures.title', { year: v.year })} icon="it-files" className="mt-4">
        {!v.exists ? <p>{t('capacity.figures.none')}</p> : null}
        <dl className="row mb-0">
          <dt className="col-sm-6">{t('capacity.fields.spending')}</dt>
          <dd className="col-sm-6">{formatEuro(f.personnelSpendingCents, lang)}</dd>
          {f.revenueCents.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the three rendiconti are positional
            <Fragment key={i}>
              <dt className="col-sm-6">
                {t('capacity.fields.revenueN', { n: i + 1 })}
                {f.rendicontoYear ? ` (${f.rendicontoYear - 2 + i})` : ''}
              </dt>
              <dd className="col-sm-6">{formatEuro(c, lang)}</dd>
            </Fragment>
          ))}
          <dt className="col-sm-6">{t('capacity.fields.rendicontoYear')}</dt>
          <dd className="col-sm-6">
            {f.rendicontoYear ?? '—'}
            {f.rendicontoYear !== null && v.currentYear - f.rendicontoYear > 2 ? stale : null}
          </dd>
          <dt className="col-sm-6">{t('capacity.fields.fcde')}</dt>
          <dd className="col-sm-6">{formatEuro(f.fcdeCents, lang)}</dd>
          <dt className="col-sm-6">{t('capacity.fields.plannedHires')}</dt>
          <dd className="col-sm-6">{f.plannedHires ?? '—'}</dd>
          <dt className="col-sm-6">{t('capacity.fields.actualHires')}</dt>
          <dd className="col-sm-6">{f.actualHires ?? '—'}</dd>
          <dt className="col-sm-6">{t('capacity.fields.plannedCost')}</dt>
          <dd className="col-sm-6">{formatEuro(f.plannedHiresCostCents, lang)}</dd>
          <dt className="col-sm-6">{t('capacity.fields.source')}</dt>
          <dd className="col-sm-6">{f.source || '—'}</dd>
        </dl>
      </Panel>
    </>
  );
}
