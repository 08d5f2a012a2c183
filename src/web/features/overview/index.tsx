import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';
import en from './overview.en.json';
import it from './overview.it.json';
import { RESTRUCTURING_PATH } from './paths';

const OverviewPage = lazy(() => import('./OverviewPage'));

/** The restructuring area's home: the national view of every unit, its maps, trends and exports. */
export const overviewFeature: WebFeature = {
  name: 'overview',
  routes: (
    <Route
      path={RESTRUCTURING_PATH.slice(1)}
      element={
        <RequireAuth can="useRestructuring">
          <OverviewPage />
        </RequireAuth>
      }
    />
  ),
  // One entry for the whole area; a Province officer lands on their own unit from there.
  nav: (me, t) =>
    me?.can.useRestructuring
      ? [{ to: RESTRUCTURING_PATH, label: t('overview.nav'), group: 'restructuring' }]
      : [],
  translations: { it, en },
};
