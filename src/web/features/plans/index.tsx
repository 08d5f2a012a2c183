import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';
import { DEMAND_PATH, PLANS_PATH } from './paths';
import en from './plans.en.json';
import it from './plans.it.json';

const PlansPage = lazy(() => import('./PlansPage'));
const PlanPage = lazy(() => import('./PlanPage'));
const DemandPage = lazy(() => import('./DemandPage'));

/** Training plans from the needs survey, the national demand, and the learner's suggested paths (in "La mia formazione"). */
export const plansFeature: WebFeature = {
  name: 'plans',
  routes: (
    <>
      <Route
        path={PLANS_PATH.slice(1)}
        element={
          <RequireAuth can="managePlans">
            <PlansPage />
          </RequireAuth>
        }
      />
      <Route
        path={`${PLANS_PATH.slice(1)}/:id`}
        element={
          <RequireAuth can="managePlans">
            <PlanPage />
          </RequireAuth>
        }
      />
      <Route
        path={DEMAND_PATH.slice(1)}
        element={
          <RequireAuth can="viewDemand">
            <DemandPage />
          </RequireAuth>
        }
      />
    </>
  ),
  nav: (me, t) => [
    ...(me?.can.managePlans ? [{ to: PLANS_PATH, label: t('plans.nav'), group: 'needs' as const }] : []),
    ...(me?.can.viewDemand ? [{ to: DEMAND_PATH, label: t('planDemand.nav'), group: 'needs' as const }] : []),
  ],
  translations: { it, en },
};
