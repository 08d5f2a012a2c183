import { Button } from 'design-react-kit';
import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { LineView, PlanTotals } from '../../../common/reorg-plans';
import type { PlanFunction } from '../../../common/restructuring';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { TableScroll } from '../../components/TableScroll';
import { UnitSectionNav, unitSectionUrl } from '../../components/UnitSectionNav';
import { useCompare, useJobProfiles, useReorgPlan } from './api';
import { actText, euro } from './labels';

type Change = 'added' | 'removed' | 'changed';

/** The change, in words (the row's colour only repeats it). */
function ChangeCell({ change }: { change: Change }) {
  const { t } = useTranslation();
  const cls = { added: 'text-success', removed: 'text-danger', changed: 'text-warning-emphasis' }[change];
  return (
    <th scope="row" className={`fw-semibold ${cls}`}>
      {t(`reorgPlan.compare.${change}`)}
    </th>
  );
}

/** Two versions of a unit's plan side by side: functions, staffing lines, act and totals, before and after. */
export default function ComparePage() {
  const { t } = useTranslation();
  const uid = useId();
  const unitId = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const from = Number(params.get('da') ?? 0);
  const to = Number(params.get('a') ?? 0);
  const plan = useReorgPlan(unitId);
  const compare = useCompare(unitId, from, to);
  const jobProfiles = useJobProfiles();
  const profiles = new Map((jobProfiles.data ?? []).map((p) => [p.code, p.name]));
  const c = compare.data;
  const unitName = plan.data?.unit.name ?? c?.unit.name ?? '';
  const versions = plan.data?.versions ?? [];

  const pick = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setParams({ da: String(data.get('da') ?? 0), a: String(data.get('a') ?? 0) });
  };

  const before = t('reorgPlan.compare.before', { n: from || '–' });
  const after = t('reorgPlan.compare.after', { n: to });
  const fnName = (f: PlanFunction) => `${f.name} (${t(`reorgPlan.kind.${f.kind}`)})`;
  const line = (l: LineView) => `${l.planned} / ${l.covered} / ${l.vacant} – ${euro(l.annualCostCents)}`;
  const lineName = (l: { functionKey: string; jobProfileCode: string }, names: Map<string, string>) =>
    `${names.get(l.functionKey) ?? l.functionKey} – ${profiles.get(l.jobProfileCode) ?? l.jobProfileCode}`;
  const totalRows = (b: PlanTotals, a: PlanTotals) =>
    [
      ['planned', b.planned, a.planned],
      ['covered', b.covered, a.covered],
      ['vacant', b.vacant, a.vacant],
    ] as const;

  return (
    <Page title={t('reorgPlan.compare.title', { unit: unitName })}>
      <UnitSectionNav unitId={unitId} unitName={unitName} />
      <p>
        <Link to={unitSectionUrl(unitId, 'plan')}>{t('reorgPlan.compare.back')}</Link>
      </p>
      <form className="row g-2 align-items-end mb-4" onSubmit={pick}>
        <div className="col-6 col-md-3">
          <label htmlFor={`${uid}-da`}>{t('reorgPlan.compare.from')}</label>
          <select id={`${uid}-da`} name="da" className="form-select" defaultValue={from} key={`da${from}`}>
            <option value={0}>{t('reorgPlan.compare.empty')}</option>
            {versions.map((v) => (
              <option key={v.number} value={v.number}>
                {t('reorgPlan.versionN', { n: v.number })} – {t(`reorgPlan.versionState.${v.state}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="col-6 col-md-3">
          <label htmlFor={`${uid}-a`}>{t('reorgPlan.compare.to')}</label>
          <select id={`${uid}-a`} name="a" className="form-select" defaultValue={to} key={`a${to}`}>
            {versions.map((v) => (
              <option key={v.number} value={v.number}>
                {t('reorgPlan.versionN', { n: v.number })} – {t(`reorgPlan.versionState.${v.state}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="col-12 col-md-2">
          <Button type="submit" color="primary">
            {t('reorgPlan.compare.show')}
          </Button>
        </div>
      </form>
      <ErrorAlert error={compare.error ?? plan.error} />
      {compare.isLoading ? <Loading /> : null}
      {c
        ? (() => {
            const d = c.diff;
            const names = new Map(
              [...d.functions.added, ...d.functions.removed, ...d.functions.changed.map((x) => x.after)].map(
                (f) => [f.key, f.name],
              ),
            );
            for (const f of plan.data?.current?.content.functions ?? [])
              if (!names.has(f.key)) names.set(f.key, f.name);
            const fnRows = d.functions.added.length + d.functions.removed.length + d.functions.changed.length;
            const lineRows = d.staffing.added.length + d.staffing.removed.length + d.staffing.changed.length;
            const caption = { from: from || t('reorgPlan.compare.empty'), to };
            return (
              <>
                <TableScroll label={t('reorgPlan.compare.actCaption')}>
                  <table className="table">
                    <caption>{t('reorgPlan.compare.actCaption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('reorgPlan.compare.change')}</th>
                        <th scope="col">{before}</th>
                        <th scope="col">{after}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <tr>
                        <th scope="row">
                          {d.act.changed ? t('reorgPlan.compare.changed') : t('reorgPlan.compare.unchanged')}
                        </th>
                        <td>{actText(d.act.before, t)}</td>
                        <td>{actText(d.act.after, t)}</td>
                      </tr>
                    </tbody>
                  </table>
                </TableScroll>

                <TableScroll label={t('reorgPlan.compare.totalsCaption', caption)}>
                  <table className="table">
                    <caption>{t('reorgPlan.compare.totalsCaption', caption)}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('reorgPlan.totals.caption')}</th>
                        <th scope="col">{before}</th>
                        <th scope="col">{after}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {totalRows(d.totals.before, d.totals.after).map(([k, b, a]) => (
                        <tr key={k}>
                          <th scope="row">
                            {t(`reorgPlan.totals.${k}`)}
                            {a !== b ? ` (${t('reorgPlan.compare.changed')})` : ''}
                          </th>
                          <td className="text-end">{formatNumber(b)}</td>
                          <td className="text-end">{formatNumber(a)}</td>
                        </tr>
                      ))}
                      <tr>
                        <th scope="row">
                          {t('reorgPlan.totals.cost')}
                          {d.totals.before.annualCostCents !== d.totals.after.annualCostCents
                            ? ` (${t('reorgPlan.compare.changed')})`
                            : ''}
                        </th>
                        <td className="text-end">{euro(d.totals.before.annualCostCents)}</td>
                        <td className="text-end">{euro(d.totals.after.annualCostCents)}</td>
                      </tr>
                    </tbody>
                  </table>
                </TableScroll>

                <TableScroll label={t('reorgPlan.compare.functionsCaption', caption)}>
                  <table className="table">
                    <caption>{t('reorgPlan.compare.functionsCaption', caption)}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('reorgPlan.compare.change')}</th>
                        <th scope="col">{before}</th>
                        <th scope="col">{after}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {fnRows === 0 ? (
                        <tr>
                          <td colSpan={3}>{t('reorgPlan.compare.nothing')}</td>
                        </tr>
                      ) : null}
                      {d.functions.added.map((f) => (
                        <tr key={`a${f.key}`} className="table-success">
                          <ChangeCell change="added" />
                          <td>—</td>
                          <td>{fnName(f)}</td>
                        </tr>
                      ))}
                      {d.functions.removed.map((f) => (
                        <tr key={`r${f.key}`} className="table-danger">
                          <ChangeCell change="removed" />
                          <td>{fnName(f)}</td>
                          <td>—</td>
                        </tr>
                      ))}
                      {d.functions.changed.map((x) => (
                        <tr key={`c${x.key}`} className="table-warning">
                          <ChangeCell change="changed" />
                          <td>
                            {fnName(x.before)}
                            {x.before.description ? (
                              <div className="small">{x.before.description}</div>
                            ) : null}
                          </td>
                          <td>
                            {fnName(x.after)}
                            {x.after.description ? <div className="small">{x.after.description}</div> : null}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>

                <TableScroll label={t('reorgPlan.compare.staffingCaption', caption)}>
                  <table className="table">
                    <caption>
                      {t('reorgPlan.compare.staffingCaption', caption)} ({t('reorgPlan.staffing.planned')} /{' '}
                      {t('reorgPlan.staffing.covered')} / {t('reorgPlan.staffing.vacant')} –{' '}
                      {t('reorgPlan.staffing.cost')})
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('reorgPlan.compare.change')}</th>
                        <th scope="col">{t('reorgPlan.compare.line')}</th>
                        <th scope="col">{before}</th>
                        <th scope="col">{after}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {lineRows === 0 ? (
                        <tr>
                          <td colSpan={4}>{t('reorgPlan.compare.nothing')}</td>
                        </tr>
                      ) : null}
                      {d.staffing.added.map((l) => (
                        <tr key={`a${l.functionKey}/${l.jobProfileCode}`} className="table-success">
                          <ChangeCell change="added" />
                          <td>{lineName(l, names)}</td>
                          <td>—</td>
                          <td>{line(l)}</td>
                        </tr>
                      ))}
                      {d.staffing.removed.map((l) => (
                        <tr key={`r${l.functionKey}/${l.jobProfileCode}`} className="table-danger">
                          <ChangeCell change="removed" />
                          <td>{lineName(l, names)}</td>
                          <td>{line(l)}</td>
                          <td>—</td>
                        </tr>
                      ))}
                      {d.staffing.changed.map((x) => (
                        <tr key={`c${x.functionKey}/${x.jobProfileCode}`} className="table-warning">
                          <ChangeCell change="changed" />
                          <td>{lineName(x, names)}</td>
                          <td>{line(x.before)}</td>
                          <td>{line(x.after)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
                {d.notesChanged ? <p>{t('reorgPlan.compare.notesChanged')}</p> : null}
              </>
            );
          })()
        : null}
    </Page>
  );
}
