import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';
import en from './campaigns.en.json';
import it from './campaigns.it.json';
import { CAMPAIGNS_PATH, MY_CAMPAIGNS_PATH } from './paths';

const CampaignsPage = lazy(() => import('./CampaignsPage'));
const CampaignFormPage = lazy(() => import('./CampaignFormPage'));
const CampaignPage = lazy(() => import('./CampaignPage'));
const AssessmentPage = lazy(() => import('./AssessmentPage'));
const MyCampaignsPage = lazy(() => import('./MyCampaignsPage'));
const QuestionnairePage = lazy(() => import('./QuestionnairePage'));

const manage = (page: ReactNode) => <RequireAuth can="manageCampaigns">{page}</RequireAuth>;
const answer = (page: ReactNode) => <RequireAuth can="answerCampaigns">{page}</RequireAuth>;
const base = CAMPAIGNS_PATH.slice(1);
const mine = MY_CAMPAIGNS_PATH.slice(1);

/**
 * Survey campaigns (rilevazioni dei fabbisogni): national admins and Province officers prepare, open,
 * follow and close them; whoever is invited answers under "Le mie rilevazioni" (in the menu of
 * learners; everyone reaches it from the invitation e-mail).
 */
export const campaignsFeature: WebFeature = {
  name: 'campaigns',
  routes: (
    <>
      <Route path={base} element={manage(<CampaignsPage />)} />
      <Route path={`${base}/nuova`} element={manage(<CampaignFormPage />)} />
      <Route path={`${base}/:id`} element={manage(<CampaignPage />)} />
      <Route path={`${base}/:id/modifica`} element={manage(<CampaignFormPage />)} />
      <Route path={`${base}/:id/valutazioni/:participantId`} element={manage(<AssessmentPage />)} />
      <Route path={mine} element={answer(<MyCampaignsPage />)} />
      <Route path={`${mine}/:id`} element={answer(<QuestionnairePage />)} />
    </>
  ),
  nav: (me, t) => [
    ...(me?.can.answerCampaigns && me.roles.some((r) => r.role === 'learner')
      ? [{ to: MY_CAMPAIGNS_PATH, label: t('campaigns.myNav'), group: 'mine' as const }]
      : []),
    ...(me?.can.manageCampaigns
      ? [{ to: CAMPAIGNS_PATH, label: t('campaigns.nav'), group: 'needs' as const }]
      : []),
  ],
  translations: { it, en },
};
