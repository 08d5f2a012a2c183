import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';

const UsersPage = lazy(() => import('./UsersPage'));
const UserDetailPage = lazy(() => import('./UserDetailPage'));

/** People: the list, invitations and imports, one person's details and roles. */
export const usersFeature: WebFeature = {
  name: 'users',
  routes: (
    <>
      <Route
        path="amministrazione/utenti"
        element={
          <RequireAuth can="manageUsers">
            <UsersPage />
          </RequireAuth>
        }
      />
      <Route
        path="amministrazione/utenti/:id"
        element={
          <RequireAuth can="manageUsers">
            <UserDetailPage />
          </RequireAuth>
        }
      />
    </>
  ),
  // A national administrator's people are administration; a Province officer's are the Province's work.
  nav: (me, t) =>
    me?.can.manageUsers
      ? [
          {
            to: '/amministrazione/utenti',
            label: t('nav.users'),
            group: me.roles.some((r) => r.unitId === null && r.role === 'national_admin')
              ? 'admin'
              : 'province',
          },
        ]
      : [],
};
