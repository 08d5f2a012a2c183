import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChoiceField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultsTable } from '../../components/ResultsTable';
import { useMyGaps } from './api';
import { formatGap } from './format';

/** A person's own gaps in the named campaigns they answered (anonymous campaigns have none by design). */
export default function MyCompetenciesPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const chosen = Number(search.get('rilevazione'));
  const q = useMyGaps(Number.isInteger(chosen) && chosen > 0 ? chosen : undefined);
  const d = q.data;
  const g = d?.gaps;
  return (
    <Page title={t('gaps.mineTitle')} lead={t('gaps.mineLead')}>
      <ErrorAlert error={q.error} />
      {q.isPending ? (
        <Loading />
      ) : !d || d.campaigns.length === 0 ? (
        <div className="alert alert-info" role="status">
          {t('gaps.mineNone')}
        </div>
      ) : (
        <>
          {d.campaigns.length > 1 ? (
            <div className="row">
              <div className="col-12 col-md-6">
                <ChoiceField
                  id="my-campaign"
                  label={t('gaps.campaign')}
                  value={String(d.campaign?.id ?? '')}
                  onChange={(e) => setSearch({ rilevazione: e.target.value }, { replace: true })}
                  choices={d.campaigns.map((c) => ({ value: String(c.id), label: c.title }))}
                />
              </div>
            </div>
          ) : null}
          {g ? (
            <>
              <h2 className="h3">{d.campaign?.title}</h2>
              <p>
                {t('gaps.mineSummary', {
                  below: g.belowExpectation,
                  count: g.competencies,
                  mean: formatGap(g.meanGap ?? 0),
                })}
              </p>
              <ResultsTable
                caption={t('gaps.mineCaption')}
                columns={[
                  t('gaps.columns.competency'),
                  t('gaps.columns.area'),
                  t('gaps.expected'),
                  t('gaps.assessed'),
                  t('gaps.gap'),
                ]}
                items={g.items}
                empty={t('gaps.mineNoGaps')}
                row={(i) => (
                  <tr key={i.code}>
                    <th scope="row" className="fw-normal">
                      {i.code} {i.label}
                    </th>
                    <td>{i.area}</td>
                    <td>{t(`gaps.level.${i.expected}`)}</td>
                    <td>{t(`gaps.level.${i.assessed}`)}</td>
                    <td>{t('gaps.levels', { count: i.gap })}</td>
                  </tr>
                )}
              />
            </>
          ) : null}
        </>
      )}
    </Page>
  );
}
