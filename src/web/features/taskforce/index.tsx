import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';
import { MEMBERS_PATH, UNIT_PATH, WEEK_PATH } from './paths';
import en from './taskforce.en.json';
import it from './taskforce.it.json';

const MembersPage = lazy(() => import('./MembersPage'));
const UnitTaskforcePage = lazy(() => import('./UnitTaskforcePage'));
const WeekPage = lazy(() => import('./WeekPage'));

/** The task force's own work: members and assignments, a unit's interventions, risks and milestones, my week. */
export const taskforceFeature: WebFeature = {
  name: 'taskforce',
  routes: (
    <>
      <Route
        path={MEMBERS_PATH.slice(1)}
        element={
          <RequireAuth can="validateRestructuring">
            <MembersPage />
          </RequireAuth>
        }
      />
      <Route
        path={WEEK_PATH.slice(1)}
        element={
          <RequireAuth can="validateRestructuring">
            <WeekPage />
          </RequireAuth>
        }
      />
      <Route
        path={UNIT_PATH.slice(1)}
        element={
          <RequireAuth can="useRestructuring">
            <UnitTaskforcePage />
          </RequireAuth>
        }
      />
    </>
  ),
  translations: { it, en },
};
