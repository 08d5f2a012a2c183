import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import { romeToday } from '../../../common/rome-time';
import { Forbidden } from '../../app/RequireAuth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useAwaitingSignatures } from '../attendance/api';
import { useMe } from '../auth/session';
import { useCampaigns } from '../campaigns/api';
import { useOverview } from '../overview/api';
import { useTotal } from './api';
import { type AttentionCard, attentionCards, CLOSING_SOON_DAYS, closingSoon } from './cards';

const ONE = { pageSize: 1 };

function Card({ card }: { card: AttentionCard }) {
  const { t } = useTranslation();
  const id = `attention-${card.key}`;
  return (
    <div className="col-12 col-md-6 col-xl-4">
      <article className="it-card rounded shadow-sm border h-100" aria-labelledby={id}>
        <h2 id={id} className="it-card-title h5">
          {t(`attention.cards.${card.key}.title`)}
        </h2>
        <div className="it-card-body d-flex flex-column">
          <p className="display-6 fw-semibold text-primary mb-1">{formatNumber(card.count)}</p>
          <p className="mb-3">
            {t(`attention.cards.${card.key}.text`, { count: card.count, days: CLOSING_SOON_DAYS })}
          </p>
          <p className="mt-auto mb-0">
            <Link to={card.to}>
              {t(`attention.cards.${card.key}.link`)}
              <span className="visually-hidden"> ({t(`attention.cards.${card.key}.title`)})</span>
            </Link>
          </p>
        </div>
      </article>
    </div>
  );
}

function Cards() {
  const { t } = useTranslation();
  const pendingEnrolments = useTotal(apiUrl(apiRoutes.enrolment.list, {}, { ...ONE, status: 'pending' }));
  const failedMail = useTotal(apiUrl(apiRoutes.mail.outbox, {}, { ...ONE, status: 'failed' }));
  const draftPaths = useTotal(apiUrl(apiRoutes.catalogue.paths, {}, { ...ONE, status: 'draft' }));
  const draftEditions = useTotal(apiUrl(apiRoutes.catalogue.editions, {}, { ...ONE, status: 'draft' }));
  const signatures = useAwaitingSignatures();
  const campaigns = useCampaigns();
  const overview = useOverview({});
  const queries = [pendingEnrolments, failedMail, draftPaths, draftEditions, signatures, campaigns, overview];
  const error = queries.find((q) => q.error)?.error ?? null;
  if (queries.some((q) => q.isPending && !q.error)) return <Loading />;

  const rows = overview.data?.rows ?? [];
  const proposals = rows.filter((r) => r.pendingProposal);
  const cards = attentionCards(
    {
      pendingEnrolments: pendingEnrolments.data ?? 0,
      signatures: signatures.data?.items.length ?? 0,
      failedMail: failedMail.data ?? 0,
      closingSurveys: closingSoon(campaigns.data ?? [], romeToday()),
      proposals: proposals.length,
      transmittedPlans: rows.filter((r) => r.planStatus === 'trasmesso').length,
      draftPaths: draftPaths.data ?? 0,
      draftEditions: draftEditions.data ?? 0,
    },
    { proposalUnitId: proposals[0]?.unitId ?? null },
  );
  return (
    <>
      <ErrorAlert error={error} />
      {cards.length === 0 && !error ? (
        <div className="alert alert-success" role="status">
          {t('attention.empty')}
        </div>
      ) : (
        <div className="row g-4">
          {cards.map((card) => (
            <Card key={card.key} card={card} />
          ))}
        </div>
      )}
    </>
  );
}

/** The national administrator's start page: what needs attention now, each with the page that deals with it. */
export default function AttentionPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me?.roles.some((g) => g.role === 'national_admin')) return <Forbidden />;
  return (
    <Page title={t('attention.title')} lead={t('attention.lead')}>
      <Cards />
    </Page>
  );
}
