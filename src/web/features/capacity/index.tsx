import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';
import en from './capacity.en.json';
import it from './capacity.it.json';
import { CAPACITY_ROUTE, THRESHOLDS_PATH } from './paths';

const CapacityPage = lazy(() => import('./CapacityPage'));
const ThresholdsPage = lazy(() => import('./ThresholdsPage'));

/** A unit's hiring capacity by year, and the capacity thresholds as reference data. */
export const capacityFeature: WebFeature = {
  name: 'capacity',
  routes: (
    <>
      <Route
        path={CAPACITY_ROUTE}
        element={
          <RequireAuth can="useRestructuring">
            <CapacityPage />
          </RequireAuth>
        }
      />
      <Route
        path={THRESHOLDS_PATH.slice(1)}
        element={
          <RequireAuth can="useRestructuring">
            <ThresholdsPage />
          </RequireAuth>
        }
      />
    </>
  ),
  translations: { it, en },
};
