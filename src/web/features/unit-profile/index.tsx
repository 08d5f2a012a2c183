import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';
import { POPULATION_IMPORT_PATH, UNIT_PROFILE_ROUTE } from './paths';
import en from './unit-profile.en.json';
import it from './unit-profile.it.json';

const ProfilePage = lazy(() => import('./ProfilePage'));
const ImportPage = lazy(() => import('./ImportPage'));

/** A unit's profile in the restructuring area, and the ISTAT population import. */
export const unitProfileFeature: WebFeature = {
  name: 'unitProfile',
  routes: (
    <>
      <Route
        path={UNIT_PROFILE_ROUTE}
        element={
          <RequireAuth can="useRestructuring">
            <ProfilePage />
          </RequireAuth>
        }
      />
      <Route
        path={POPULATION_IMPORT_PATH.slice(1)}
        element={
          <RequireAuth can="validateRestructuring">
            <ImportPage />
          </RequireAuth>
        }
      />
    </>
  ),
  translations: { it, en },
};
