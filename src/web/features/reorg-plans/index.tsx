import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';
import en from './reorg-plans.en.json';
import it from './reorg-plans.it.json';

const PlanPage = lazy(() => import('./PlanPage'));
const ComparePage = lazy(() => import('./ComparePage'));

/** A unit's Piano di riassetto organizzativo: versions, proposals, workflow, documents, comparison. */
export const reorgPlansFeature: WebFeature = {
  name: 'reorgPlans',
  routes: (
    <>
      <Route
        path="riassetto/unita/:id/piano"
        element={
          <RequireAuth can="useRestructuring">
            <PlanPage />
          </RequireAuth>
        }
      />
      <Route
        path="riassetto/unita/:id/piano/confronto"
        element={
          <RequireAuth can="useRestructuring">
            <ComparePage />
          </RequireAuth>
        }
      />
    </>
  ),
  translations: { it, en },
};
