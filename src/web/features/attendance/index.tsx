import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';
import { attendanceNavEntries } from './access';
import en from './attendance.en.json';
import it from './attendance.it.json';

const RegisterPage = lazy(() => import('./RegisterPage'));
const CheckinPage = lazy(() => import('./CheckinPage'));
const AttendanceMatrixPage = lazy(() => import('./AttendanceMatrixPage'));
const LogbookPage = lazy(() => import('./LogbookPage'));
const SignaturesPage = lazy(() => import('./SignaturesPage'));
const TeachingPage = lazy(() => import('./TeachingPage'));

/**
 * Registers, check-in, the edition's attendance, logbooks, signatures and the trainer's sessions. Every page needs a sign-in (and
 * comes back after it); the server decides who may see what.
 */
export const attendanceFeature: WebFeature = {
  name: 'attendance',
  routes: (
    <>
      <Route
        path="presenze/:token"
        element={
          <RequireAuth>
            <CheckinPage />
          </RequireAuth>
        }
      />
      <Route
        path="formazione/sessioni/:id/registro"
        element={
          <RequireAuth>
            <RegisterPage />
          </RequireAuth>
        }
      />
      <Route
        path="formazione/edizioni/:id/presenze"
        element={
          <RequireAuth>
            <AttendanceMatrixPage />
          </RequireAuth>
        }
      />
      <Route
        path="formazione/iscrizioni/:id/diario"
        element={
          <RequireAuth>
            <LogbookPage />
          </RequireAuth>
        }
      />
      <Route
        path="formazione/firme"
        element={
          <RequireAuth>
            <SignaturesPage />
          </RequireAuth>
        }
      />
      <Route
        path="formazione/docenze"
        element={
          <RequireAuth>
            <TeachingPage />
          </RequireAuth>
        }
      />
    </>
  ),
  nav: attendanceNavEntries,
  translations: { it, en },
};
