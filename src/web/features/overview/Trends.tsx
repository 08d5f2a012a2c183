import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrendsView } from '../../../common/overview';
import { INTERVENTION_KINDS, REORG_STATUSES } from '../../../common/restructuring';
import { formatMonth } from '../../components/format';
import { TableScroll } from '../../components/TableScroll';
import { categoryColour } from './categories';

const W = 760;
const H = 220;
const PAD = { left: 36, bottom: 30, top: 10 };

/** The fill of a plan status in the chart: the same colour as on the map. */
const fillOf = categoryColour;

/** Stacked bars of an SVG chart, named by its title and description. */
function BarChart({
  id,
  title,
  desc,
  months,
  stacks,
}: {
  id: string;
  title: string;
  desc: string;
  months: string[];
  stacks: { key: string; fill: string; values: number[] }[];
}) {
  const totals = months.map((_, i) => stacks.reduce((s, st) => s + (st.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const bw = (W - PAD.left) / months.length;
  const y = (v: number) => ((H - PAD.bottom - PAD.top) * v) / max;
  return (
    <svg className="overview-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      <line x1={PAD.left} x2={W} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#5c6f82" />
      <text x={PAD.left - 4} y={PAD.top + 8} textAnchor="end" fontSize="11" fill="#17324d">
        {max}
      </text>
      <text x={PAD.left - 4} y={H - PAD.bottom} textAnchor="end" fontSize="11" fill="#17324d">
        0
      </text>
      {months.map((m, i) => {
        let base = H - PAD.bottom;
        return (
          <g key={m}>
            {stacks.map((st) => {
              const h = y(st.values[i] ?? 0);
              base -= h;
              return h > 0 ? (
                <rect
                  key={st.key}
                  x={PAD.left + i * bw + 2}
                  y={base}
                  width={bw - 4}
                  height={h}
                  fill={st.fill}
                  stroke="#5c6f82"
                  strokeWidth="0.5"
                />
              ) : null;
            })}
            {i % 3 === 0 ? (
              <text
                x={PAD.left + i * bw + bw / 2}
                y={H - 10}
                textAnchor="middle"
                fontSize="10"
                fill="#17324d"
              >
                {m.slice(5)}/{m.slice(2, 4)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

/** Plan statuses month by month and the task force's interventions, as charts and as tables. */
export function Trends({ data }: { data: TrendsView }) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const month = (m: string) => formatMonth(`${m}-01`);
  return (
    <section aria-labelledby="overview-trends-title" className="mb-5">
      <h2 id="overview-trends-title" className="h4">
        {t('overview.trends.title')}
      </h2>
      <h3 className="h6 mt-3">{t('overview.trends.plan')}</h3>
      <ul className="list-unstyled d-flex flex-wrap gap-3 small" aria-label={t('overview.map.legend')}>
        {REORG_STATUSES.map((s) => (
          <li key={s} className="d-flex align-items-center gap-2">
            <span className="overview-swatch" style={{ background: fillOf(s) }} aria-hidden="true" />
            {t(`overview.planStatus.${s}`)}
          </li>
        ))}
      </ul>
      <BarChart
        id="overview-plan-chart"
        title={t('overview.trends.plan')}
        desc={t('overview.trends.planDesc')}
        months={data.months}
        stacks={REORG_STATUSES.map((s) => ({
          key: s,
          fill: fillOf(s),
          values: data.planStatus.map((c) => c[s] ?? 0),
        }))}
      />
      <h3 className="h6 mt-3">{t('overview.trends.interventions')}</h3>
      <BarChart
        id="overview-interventions-chart"
        title={t('overview.trends.interventions')}
        desc={t('overview.trends.interventionsDesc')}
        months={data.months}
        stacks={[
          {
            key: 'all',
            fill: '#a5d8ff',
            values: data.interventions.map((c) => Object.values(c).reduce((s, n) => s + n, 0)),
          },
        ]}
      />
      <button type="button" className="btn btn-link btn-sm px-0" onClick={() => setAsTable(!asTable)}>
        {asTable ? t('overview.trends.hideTable') : t('overview.trends.showTable')}
      </button>
      {asTable ? (
        <TableScroll label={t('overview.trends.tableLabel')}>
          <table className="table table-sm">
            <caption>{t('overview.trends.tableLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overview.trends.month')}</th>
                {REORG_STATUSES.map((s) => (
                  <th scope="col" key={s}>
                    {t(`overview.planStatus.${s}`)}
                  </th>
                ))}
                {INTERVENTION_KINDS.map((k) => (
                  <th scope="col" key={k}>
                    {t(`overview.intervention.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.months.map((m, i) => (
                <tr key={m}>
                  <th scope="row">{month(m)}</th>
                  {REORG_STATUSES.map((s) => (
                    <td key={s}>{data.planStatus[i]?.[s] ?? 0}</td>
                  ))}
                  {INTERVENTION_KINDS.map((k) => (
                    <td key={k}>{data.interventions[i]?.[k] ?? 0}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}
