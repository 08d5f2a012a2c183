import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';
import { enrolmentNavEntries } from './access';
import en from './enrolment.en.json';
import it from './enrolment.it.json';

const MyEnrolmentsPage = lazy(() => import('./MyEnrolmentsPage'));
const UnitEnrolmentsPage = lazy(() => import('./UnitEnrolmentsPage'));
const NominatePage = lazy(() => import('./NominatePage'));

/** One's own enrolments, and those of a Province's staff (listing, deciding, nominating). */
export const enrolmentFeature: WebFeature = {
  name: 'enrolment',
  routes: (
    <>
      <Route
        path="formazione/iscrizioni"
        element={
          <RequireAuth>
            <MyEnrolmentsPage />
          </RequireAuth>
        }
      />
      <Route
        path="provincia/iscrizioni"
        element={
          <RequireAuth>
            <UnitEnrolmentsPage />
          </RequireAuth>
        }
      />
      <Route
        path="provincia/iscrizioni/nomina"
        element={
          <RequireAuth>
            <NominatePage />
          </RequireAuth>
        }
      />
    </>
  ),
  nav: enrolmentNavEntries,
  translations: { it, en },
};
