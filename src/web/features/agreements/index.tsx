import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';

const AgreementsPage = lazy(() => import('./AgreementsPage'));

/** Convenzioni: the units' agreements for a service model. */
export const agreementsFeature: WebFeature = {
  name: 'agreements',
  routes: (
    <>
      <Route
        path="amministrazione/convenzioni"
        element={
          <RequireAuth can="manageAgreements">
            <AgreementsPage />
          </RequireAuth>
        }
      />
    </>
  ),
  nav: (me, t) =>
    me?.can.manageAgreements
      ? [{ to: '/amministrazione/convenzioni', label: t('nav.agreements'), group: 'training' }]
      : [],
};
