import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';

const ProfilePage = lazy(() => import('./ProfilePage'));

/** The signed-in person's profile, password and calendar feed. */
export const profileFeature: WebFeature = {
  name: 'profile',
  routes: (
    <Route
      path="profilo"
      element={
        <RequireAuth>
          <ProfilePage />
        </RequireAuth>
      }
    />
  ),
  nav: (me, t) => (me ? [{ to: '/profilo', label: t('nav.profile'), group: 'mine' }] : []),
};
