import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OverviewRow } from '../../../common/overview';
import { formatDate, formatDateTime, formatNumber } from '../../components/format';
import { TableScroll } from '../../components/TableScroll';
import { unitSectionUrl } from '../../components/UnitSectionNav';
import { briefUrl } from './api';

type Column = { key: string; value: (r: OverviewRow) => string | number | null };

/** The columns that sort, and the value each sorts by (nulls last whatever the direction). */
const COLUMNS: Column[] = [
  { key: 'unit', value: (r) => r.name },
  { key: 'region', value: (r) => r.regionName },
  { key: 'type', value: (r) => r.unitType },
  { key: 'phase', value: (r) => r.programmePhase },
  { key: 'plan', value: (r) => r.planStatus },
  { key: 'planUpdated', value: (r) => r.planUpdatedAt },
  { key: 'population', value: (r) => r.population },
  { key: 'ratio', value: (r) => r.ratioPercent },
  { key: 'hiring', value: (r) => r.hiringStatus },
  { key: 'deadline', value: (r) => r.nextDeadline?.due ?? null },
  { key: 'overdue', value: (r) => r.overdue },
  { key: 'lead', value: (r) => r.lead?.name ?? null },
  { key: 'risks', value: (r) => r.openRisks },
];

function compare(a: string | number | null, b: string | number | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'it');
}

const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(Math.round(v * 100) / 100)}%`);

/** Every unit of the view, sortable by each column (the header buttons say the direction to screen readers). */
export function OverviewTable({ rows, today }: { rows: readonly OverviewRow[]; today: string }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 }>({ key: 'region', dir: 1 });
  const column = COLUMNS.find((c) => c.key === sort.key) ?? COLUMNS[0];
  const sorted = [...rows].sort((a, b) => {
    const va = column?.value(a) ?? null;
    const vb = column?.value(b) ?? null;
    if (va === null || vb === null) return compare(va, vb);
    return compare(va, vb) * sort.dir || a.name.localeCompare(b.name, 'it');
  });
  return (
    <TableScroll label={t('overview.table.label')}>
      <table className="table table-sm align-middle">
        <caption>{t('overview.table.caption', { date: formatDate(today) })}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const active = sort.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : undefined}
                >
                  <button
                    type="button"
                    className="overview-sort"
                    onClick={() => setSort({ key: c.key, dir: active ? (sort.dir === 1 ? -1 : 1) : 1 })}
                  >
                    {t(`overview.table.${c.key}`)}
                    <span aria-hidden="true">{active ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              );
            })}
            <th scope="col">{t('overview.table.brief')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 ? (
            <tr>
              <td colSpan={COLUMNS.length + 1}>{t('overview.table.none')}</td>
            </tr>
          ) : null}
          {sorted.map((r) => (
            <tr key={r.unitId}>
              <th scope="row">
                <Link to={unitSectionUrl(r.unitId)}>
                  {r.name} ({r.sigla})
                </Link>
              </th>
              <td>{r.regionName}</td>
              <td>{t(`overview.unitType.${r.unitType}`)}</td>
              <td>{r.programmePhase ?? '—'}</td>
              <td>{t(`overview.planStatus.${r.planStatus}`)}</td>
              <td>{r.planUpdatedAt ? formatDateTime(r.planUpdatedAt) : '—'}</td>
              <td>
                {r.population === null ? (
                  '—'
                ) : (
                  <>
                    {formatNumber(r.population)}{' '}
                    <span className="small text-secondary">({r.populationYear})</span>
                  </>
                )}
              </td>
              <td>
                {r.capacityYear === null ? (
                  <span className="text-secondary">{t('overview.table.noFigures')}</span>
                ) : (
                  <>
                    {pct(r.ratioPercent)} / {pct(r.thresholdPercent)}{' '}
                    <span className="small text-secondary">
                      {t('overview.table.year', { year: r.capacityYear })}
                    </span>
                    {r.capacityStale ? (
                      <span className="badge bg-warning text-dark ms-1">{t('overview.table.stale')}</span>
                    ) : null}
                  </>
                )}
              </td>
              <td>{t(`overview.hiring.${r.hiringStatus}`)}</td>
              <td>
                {r.nextDeadline ? (
                  <>
                    {t(`overview.deadline.${r.nextDeadline.kind}`)} {r.nextDeadline.year}:{' '}
                    {formatDate(r.nextDeadline.due)}{' '}
                    <span className="small text-secondary">
                      ({t('overview.table.inDays', { count: r.nextDeadline.daysLeft })})
                    </span>
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td>{r.overdue > 0 ? <strong>{r.overdue}</strong> : 0}</td>
              <td>{r.lead?.name ?? t('overview.table.nobody')}</td>
              <td>{r.openRisks}</td>
              <td>
                <a
                  href={briefUrl(r.unitId)}
                  aria-label={t('overview.table.briefOf', { unit: r.name })}
                  download
                >
                  {t('overview.table.brief')}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
