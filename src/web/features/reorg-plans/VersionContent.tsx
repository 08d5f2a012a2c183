import { useTranslation } from 'react-i18next';
import type { PlanVersionView } from '../../../common/reorg-plans';
import { vacant } from '../../../common/restructuring';
import { ResultsTable } from '../../components/ResultsTable';
import { actText, euro, Totals } from './labels';

/** A version's content, read only: act, totals, functions and staffing lines. */
export function VersionContent({
  version,
  profiles,
}: {
  version: PlanVersionView;
  profiles: Map<string, string>;
}) {
  const { t } = useTranslation();
  const c = version.content;
  const names = new Map(c.functions.map((f) => [f.key, f.name]));
  // The pending and the current version can share a page: each table is named after its version.
  const of = (caption: string) => `${caption} (${t('reorgPlan.versionN', { n: version.number })})`;
  return (
    <>
      <p>
        <strong>{t('reorgPlan.act.title')}:</strong> {actText(c.act, t)}
      </p>
      <Totals totals={version.totals} />
      <ResultsTable
        caption={of(t('reorgPlan.functions.caption'))}
        columns={[
          t('reorgPlan.functions.name'),
          t('reorgPlan.functions.kind'),
          t('reorgPlan.functions.description'),
        ]}
        items={c.functions}
        empty={t('reorgPlan.functions.none')}
        row={(f) => (
          <tr key={f.key}>
            <td>{f.name}</td>
            <td>{t(`reorgPlan.kind.${f.kind}`)}</td>
            <td>{f.description}</td>
          </tr>
        )}
      />
      <ResultsTable
        caption={of(t('reorgPlan.staffing.caption'))}
        columns={[
          t('reorgPlan.staffing.function'),
          t('reorgPlan.staffing.profile'),
          t('reorgPlan.staffing.planned'),
          t('reorgPlan.staffing.covered'),
          t('reorgPlan.staffing.vacant'),
          t('reorgPlan.staffing.cost'),
        ]}
        items={c.staffing}
        empty={t('reorgPlan.staffing.none')}
        row={(l) => (
          <tr key={`${l.functionKey}/${l.jobProfileCode}`}>
            <td>{names.get(l.functionKey) ?? l.functionKey}</td>
            <td>{profiles.get(l.jobProfileCode) ?? l.jobProfileCode}</td>
            <td className="text-end">{l.planned}</td>
            <td className="text-end">{l.covered}</td>
            <td className="text-end">{vacant(l)}</td>
            <td className="text-end">{euro(l.annualCostCents)}</td>
          </tr>
        )}
      />
      {c.notes ? (
        <p>
          <strong>{t('reorgPlan.notes')}:</strong> {c.notes}
        </p>
      ) : null}
    </>
  );
}
