import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GAP_COLUMNS, type GapColumns } from '../../../common/gaps';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChoiceField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { TableScroll } from '../../components/TableScroll';
import { exportUrl, usePriorities } from './api';
import { DownloadButtons } from './DownloadButtons';
import { formatGap, formatShare } from './format';

/** The priority ranking: groups by mean gap × people affected, with a bar each (the value is printed). */
export function PrioritySection({
  id,
  unit,
  jobProfile,
}: {
  id: number;
  unit?: number;
  jobProfile?: string;
}) {
  const { t } = useTranslation();
  const [by, setBy] = useState<GapColumns>('competency');
  const params = { by, unit, jobProfile };
  const q = usePriorities(id, params);
  const p = q.data;
  const max = Math.max(0, ...(p?.items ?? []).map((i) => i.priority ?? 0));
  const caption = t('gaps.prioCaption', { by: t(`gaps.columns.${by}`) });
  return (
    <section aria-labelledby="gaps-priorities" className="mt-5">
      <h2 className="h3" id="gaps-priorities">
        {t('gaps.prioHeading')}
      </h2>
      <p>{t('gaps.prioLead')}</p>
      <div className="row">
        <div className="col-12 col-md-4">
          <ChoiceField
            id="gaps-by"
            label={t('gaps.byLabel')}
            value={by}
            onChange={(e) => setBy(e.target.value as GapColumns)}
            choices={GAP_COLUMNS.map((c) => ({ value: c, label: t(`gaps.columns.${c}`) }))}
          />
        </div>
      </div>
      <ErrorAlert error={q.error} />
      {q.isPending ? (
        <Loading />
      ) : p ? (
        <>
          <TableScroll label={caption}>
            <table className="table align-middle">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('gaps.rank')}</th>
                  <th scope="col">{t(`gaps.columns.${by}`)}</th>
                  <th scope="col">{t('gaps.meanGap')}</th>
                  <th scope="col">{t('gaps.affected')}</th>
                  <th scope="col" style={{ minWidth: '12rem' }}>
                    {t('gaps.priority')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.items.length === 0 ? (
                  <tr>
                    <td colSpan={5}>{t('gaps.noPriorities')}</td>
                  </tr>
                ) : (
                  p.items.map((i) => (
                    <tr key={i.code}>
                      <td>{i.rank}</td>
                      <th scope="row" className="fw-normal">
                        {i.label}
                      </th>
                      <td>{formatGap(i.meanGap ?? 0)}</td>
                      <td>
                        {i.affected} / {i.respondents} ({formatShare(i.shareAffected ?? 0)})
                      </td>
                      <td>
                        <div className="d-flex align-items-center gap-2">
                          <span
                            aria-hidden="true"
                            style={{
                              display: 'inline-block',
                              height: 14,
                              width: `${max > 0 ? Math.max(2, ((i.priority ?? 0) / max) * 8) : 0}rem`,
                              background: '#0066cc',
                            }}
                          />
                          {formatGap(i.priority ?? 0, 1)}
                        </div>
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </TableScroll>
          {p.suppressed > 0 ? (
            <p className="small">
              {t('gaps.prioHidden', { count: p.suppressed, k: p.campaign.minGroupSize })}
            </p>
          ) : null}
          <DownloadButtons
            label={t('gaps.downloadPrio')}
            name={`fabbisogni-${id}-priorita`}
            url={(format) => exportUrl(id, 'priorities', format, params)}
          />
        </>
      ) : null}
    </section>
  );
}
