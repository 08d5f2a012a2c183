import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultsTable } from '../../components/ResultsTable';
import { useCampaigns } from './api';
import { CampaignStatusBadge, local } from './labels';
import { CAMPAIGNS_PATH, campaignPath } from './paths';

/** The campaigns the person manages or follows, newest first. */
export default function CampaignsPage() {
  const { t } = useTranslation();
  const list = useCampaigns();
  return (
    <Page
      title={t('campaigns.title')}
      lead={t('campaigns.lead')}
      actions={
        <Link className="btn btn-primary" to={`${CAMPAIGNS_PATH}/nuova`}>
          {t('campaigns.new')}
        </Link>
      }
    >
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : (
        <ResultsTable
          caption={t('campaigns.list')}
          columns={[
            t('campaigns.columns.title'),
            t('campaigns.columns.status'),
            t('campaigns.columns.period'),
            t('campaigns.columns.target'),
            t('campaigns.columns.answers'),
          ]}
          items={list.data ?? []}
          empty={t('campaigns.none')}
          row={(c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={campaignPath(c.id)}>{local(c.title)}</Link>
              </th>
              <td>
                <CampaignStatusBadge status={c.status} />
              </td>
              <td>{t('campaigns.period', { from: formatDate(c.opensOn), to: formatDate(c.closesOn) })}</td>
              <td>{c.national ? t('campaigns.national') : c.units.map((u) => u.name).join(', ') || '—'}</td>
              <td>
                {c.status === 'draft'
                  ? '—'
                  : t('campaigns.answered', { submitted: c.submitted, invited: c.invited })}
              </td>
            </tr>
          )}
        />
      )}
    </Page>
  );
}
