import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultsTable } from '../../components/ResultsTable';
import { useUrlFilters } from '../../components/urlFilters';
import { demandCsvUrl, useDemand, useDemandCampaigns } from './api';
import { hours, local } from './labels';

/** The national demand of a survey's plans: per path, and per need no path covers (admins, task force). */
export default function DemandPage() {
  const { t } = useTranslation();
  const campaigns = useDemandCampaigns();
  const { filters, apply } = useUrlFilters(['campaign'] as const);
  const chosen = Number(filters.campaign) || campaigns.data?.[0]?.id || null;
  const demand = useDemand(chosen);
  const d = demand.data;
  return (
    <Page title={t('planDemand.title')} lead={t('planDemand.lead')}>
      <ErrorAlert error={campaigns.error ?? demand.error} />
      {campaigns.data && campaigns.data.length === 0 ? <p>{t('planDemand.noCampaigns')}</p> : null}
      {campaigns.data && campaigns.data.length > 0 ? (
        <div className="d-flex flex-wrap align-items-end gap-3 mb-4">
          <div className="form-group mb-0">
            <label htmlFor="demand-campaign" className="active">
              {t('planDemand.campaign')}
            </label>
            <select
              id="demand-campaign"
              className="form-select"
              value={chosen ?? ''}
              onChange={(e) => apply({ campaign: e.target.value })}
            >
              {campaigns.data.map((c) => (
                <option key={c.id} value={c.id}>
                  {local(c.title)}
                </option>
              ))}
            </select>
          </div>
          {chosen ? (
            <a className="btn btn-outline-primary" href={demandCsvUrl(chosen)} download>
              {t('planDemand.csv')}
            </a>
          ) : null}
        </div>
      ) : null}
      {demand.isFetching && !d ? <Loading /> : null}
      {d ? (
        <>
          <p>
            {t('planDemand.summary', { year: d.year, approved: d.plans.approved, draft: d.plans.draft })}{' '}
            {d.unitsBelowMinimum
              ? t('planDemand.belowMinimum', { n: d.unitsBelowMinimum, min: d.campaign.minGroupSize })
              : null}
          </p>
          <h2 className="h4 mt-4">{t('planDemand.pathsTitle')}</h2>
          <ResultsTable
            caption={t('planDemand.pathsCaption')}
            columns={[
              t('planDemand.path'),
              t('planDemand.units'),
              t('planDemand.participants'),
              t('planDemand.hours'),
              'T1',
              'T2',
              'T3',
              'T4',
              t('planDemand.competencies'),
            ]}
            items={d.paths}
            empty={t('planDemand.none')}
            row={(p) => (
              <tr key={p.pathId}>
                <th scope="row">
                  {p.title}
                  <span className="d-block small">{p.unitNames.join(', ')}</span>
                </th>
                <td>
                  {p.units}
                  {p.draftUnits ? (
                    <span className="d-block small">{t('planDemand.drafts', { n: p.draftUnits })}</span>
                  ) : null}
                </td>
                <td>{p.participants}</td>
                <td>{hours(p.hours)}</td>
                <td>{p.byQuarter.T1}</td>
                <td>{p.byQuarter.T2}</td>
                <td>{p.byQuarter.T3}</td>
                <td>{p.byQuarter.T4}</td>
                <td>{p.competencyCodes.join(', ')}</td>
              </tr>
            )}
          />
          <h2 className="h4 mt-5">{t('planDemand.gapsTitle')}</h2>
          <p>{t('planDemand.gapsHelp')}</p>
          <ResultsTable
            caption={t('planDemand.gapsCaption')}
            columns={[
              t('planDemand.competency'),
              t('planDemand.units'),
              t('planDemand.people'),
              t('planDemand.priority'),
            ]}
            items={d.gaps}
            empty={t('planDemand.noGaps')}
            row={(g) => (
              <tr key={g.code}>
                <th scope="row">
                  {local(g.name)} ({g.code})<span className="d-block small">{g.unitNames.join(', ')}</span>
                </th>
                <td>
                  {g.units}
                  {g.draftUnits ? (
                    <span className="d-block small">{t('planDemand.drafts', { n: g.draftUnits })}</span>
                  ) : null}
                </td>
                <td>{g.people}</td>
                <td>
                  {g.priority.toLocaleString()}
                  {g.hiddenUnits ? (
                    <span className="d-block small">{t('planDemand.hiddenUnits', { n: g.hiddenUnits })}</span>
                  ) : null}
                </td>
              </tr>
            )}
          />
        </>
      ) : null}
    </Page>
  );
}
