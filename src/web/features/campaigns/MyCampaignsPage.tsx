import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useMyCampaigns } from './api';
import { CampaignStatusBadge, local, ParticipantBadge } from './labels';
import { questionnairePath } from './paths';

/** "Le mie rilevazioni": the surveys the person is invited to, with their status and deadline. */
export default function MyCampaignsPage() {
  const { t } = useTranslation();
  const mine = useMyCampaigns();
  return (
    <Page title={t('campaigns.mine.title')} lead={t('campaigns.mine.lead')}>
      <ErrorAlert error={mine.error} />
      {mine.isPending ? <Loading /> : null}
      {mine.data && !mine.data.length ? <p>{t('campaigns.mine.none')}</p> : null}
      <ul className="list-unstyled">
        {(mine.data ?? []).map((c) => {
          const action =
            c.status !== 'open' || c.participantStatus === 'submitted'
              ? t('campaigns.mine.view')
              : c.participantStatus === 'in_progress'
                ? t('campaigns.mine.continue')
                : t('campaigns.mine.answer');
          return (
            <li key={c.id} className="card card-bg shadow-sm mb-3">
              <div className="card-body">
                <h2 className="h5 card-title">
                  <Link to={questionnairePath(c.id)} aria-label={`${action}: ${local(c.title)}`}>
                    {local(c.title)}
                  </Link>
                </h2>
                <p className="d-flex flex-wrap gap-2 align-items-center mb-2">
                  <CampaignStatusBadge status={c.status} />
                  <ParticipantBadge status={c.participantStatus} />
                  <span>
                    {c.status === 'open'
                      ? t('campaigns.mine.deadline', { day: formatDate(c.closesOn) })
                      : t('campaigns.mine.closedOn', { day: formatDate(c.closesOn) })}
                  </span>
                  <span>{c.anonymous ? t('campaigns.kind.anonymous') : t('campaigns.kind.named')}</span>
                </p>
                {local(c.description) ? <p className="mb-0">{local(c.description)}</p> : null}
              </div>
            </li>
          );
        })}
      </ul>
    </Page>
  );
}
