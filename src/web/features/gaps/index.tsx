import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';
import en from './gaps.en.json';
import it from './gaps.it.json';
import { GAPS_PATH, MY_COMPETENCIES_PATH } from './paths';

const GapsPage = lazy(() => import('./GapsPage'));
const CampaignGapsPage = lazy(() => import('./CampaignGapsPage'));
const MyCompetenciesPage = lazy(() => import('./MyCompetenciesPage'));

/** Training needs: the campaigns' heatmaps and priorities, and a person's own gaps (named campaigns). */
export const gapsFeature: WebFeature = {
  name: 'gaps',
  routes: (
    <>
      <Route
        path={GAPS_PATH.slice(1)}
        element={
          <RequireAuth can="viewGaps">
            <GapsPage />
          </RequireAuth>
        }
      />
      <Route
        path="rilevazioni/:id/fabbisogni"
        element={
          <RequireAuth can="viewGaps">
            <CampaignGapsPage />
          </RequireAuth>
        }
      />
      <Route
        path={MY_COMPETENCIES_PATH.slice(1)}
        element={
          <RequireAuth>
            <MyCompetenciesPage />
          </RequireAuth>
        }
      />
    </>
  ),
  nav: (me, t) => [
    ...(me?.can.viewGaps ? [{ to: GAPS_PATH, label: t('gaps.nav'), group: 'needs' as const }] : []),
    ...(me ? [{ to: MY_COMPETENCIES_PATH, label: t('gaps.mineNav'), group: 'mine' as const }] : []),
  ],
  translations: { it, en },
};
