import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';
import en from './notices.en.json';
import it from './notices.it.json';

const ProfilePage = lazy(() => import('./ProfilePage'));

/** The signed-in person's profile, password, calendar feed and (officers) e-mails about their staff. */
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
  translations: { it, en },
};
