import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';
import { PROFILES_PATH } from './paths';
import en from './profiles.en.json';
import it from './profiles.it.json';

const ProfilesPage = lazy(() => import('./ProfilesPage'));

/** Expected levels per job profile: national (admins) and a unit's overrides (admins, its officer). */
export const profilesFeature: WebFeature = {
  name: 'profiles',
  routes: (
    <Route
      path={PROFILES_PATH.slice(1)}
      element={
        <RequireAuth can="manageProfiles">
          <ProfilesPage />
        </RequireAuth>
      }
    />
  ),
  nav: (me, t) =>
    me?.can.manageProfiles ? [{ to: PROFILES_PATH, label: t('profiles.nav'), group: 'needs' }] : [],
  translations: { it, en },
};
