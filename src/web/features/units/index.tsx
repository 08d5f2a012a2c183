import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';

const UnitsPage = lazy(() => import('./UnitsPage'));
const UnitEditPage = lazy(() => import('./UnitEditPage'));

/** The territorial units. */
export const unitsFeature: WebFeature = {
  name: 'units',
  routes: (
    <>
      <Route
        path="amministrazione/unita"
        element={
          <RequireAuth can="manageUnits">
            <UnitsPage />
          </RequireAuth>
        }
      />
      <Route
        path="amministrazione/unita/:id"
        element={
          <RequireAuth can="manageUnits">
            <UnitEditPage />
          </RequireAuth>
        }
      />
    </>
  ),
  nav: (me, t) =>
    me?.can.manageUnits ? [{ to: '/amministrazione/unita', label: t('nav.units'), group: 'admin' }] : [],
};
