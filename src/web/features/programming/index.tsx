import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';
import { DEADLINES_PATH, RULES_PATH, UNIT_PROGRAMMING_PATH } from './paths';
import en from './programming.en.json';
import it from './programming.it.json';

const UnitProgrammingPage = lazy(() => import('./UnitProgrammingPage'));
const DeadlinesPage = lazy(() => import('./DeadlinesPage'));
const RulesPage = lazy(() => import('./RulesPage'));

/** A unit's programming documents and their deadlines, the deadlines list, and the deadline rules. */
export const programmingFeature: WebFeature = {
  name: 'programming',
  routes: (
    <>
      <Route
        path={UNIT_PROGRAMMING_PATH.slice(1)}
        element={
          <RequireAuth can="useRestructuring">
            <UnitProgrammingPage />
          </RequireAuth>
        }
      />
      <Route
        path={DEADLINES_PATH.slice(1)}
        element={
          <RequireAuth can="useRestructuring">
            <DeadlinesPage />
          </RequireAuth>
        }
      />
      <Route
        path={RULES_PATH.slice(1)}
        element={
          <RequireAuth can="useRestructuring">
            <RulesPage />
          </RequireAuth>
        }
      />
    </>
  ),
  translations: { it, en },
};
