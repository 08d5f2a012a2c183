import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultsTable } from '../../components/ResultsTable';
import { useGapCampaigns } from './api';
import { campaignGapsPath } from './paths';

/** The campaigns with results the person may open (open or closed), newest first. */
export default function GapsPage() {
  const { t } = useTranslation();
  const list = useGapCampaigns();
  return (
    <Page title={t('gaps.title')} lead={t('gaps.lead')}>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : (
        <ResultsTable
          caption={t('gaps.campaigns')}
          columns={[
            t('gaps.campaign'),
            t('gaps.period'),
            t('gaps.statusColumn'),
            t('gaps.kindColumn'),
            t('gaps.answers'),
          ]}
          items={list.data ?? []}
          empty={t('gaps.noCampaigns')}
          row={(c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={campaignGapsPath(c.id)}>{c.title}</Link>
              </th>
              <td>{t('gaps.fromTo', { from: formatDate(c.opensOn), to: formatDate(c.closesOn) })}</td>
              <td>{t(`gaps.status.${c.status}`)}</td>
              <td>{t(c.anonymous ? 'gaps.anonymous' : 'gaps.named')}</td>
              <td>
                {c.hasAnswers ? t('gaps.hasAnswers') : t('gaps.noAnswersShort')}
                {c.anonymous && c.status === 'open' ? ` (${t('gaps.afterCloseShort')})` : ''}
              </td>
            </tr>
          )}
        />
      )}
    </Page>
  );
}
