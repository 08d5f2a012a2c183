import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError } from '../api/client';
import { attendanceRoutes } from '../features/attendance/routes';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { ME_KEY } from '../features/auth/session';
import { certificatesRoutes } from '../features/certificates/routes';
import { NotFoundPage } from '../features/errors/NotFoundPage';
import { HomePage } from '../features/home/HomePage';
import { learningRoutes } from '../features/learning/routes';
import { Layout } from './Layout';
import { RequireAuth } from './RequireAuth';

// Signed-in and administrative pages are loaded on demand: visitors of the public pages do not pay for them.
const ProfilePage = lazy(() => import('../features/profile/ProfilePage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const UserDetailPage = lazy(() => import('../features/users/UserDetailPage'));
const UnitsPage = lazy(() => import('../features/units/UnitsPage'));
const UnitEditPage = lazy(() => import('../features/units/UnitEditPage'));
const AuditLogPage = lazy(() => import('../features/audit/AuditLogPage'));
const OutboxPage = lazy(() => import('../features/outbox/OutboxPage'));
const ManualPage = lazy(() => import('../features/manual/ManualPage'));
const CalendarPage = lazy(() => import('../features/calendar/CalendarPage'));
const PathPage = lazy(() => import('../features/training/PathPage'));
const EditionPage = lazy(() => import('../features/training/EditionPage'));
const CataloguePage = lazy(() => import('../features/catalogue/CataloguePage'));
const PathCreatePage = lazy(() => import('../features/catalogue/PathCreatePage'));
const PathAdminPage = lazy(() => import('../features/catalogue/PathAdminPage'));
const EditionAdminPage = lazy(() => import('../features/catalogue/EditionAdminPage'));
const ScheduleImportPage = lazy(() => import('../features/catalogue/ScheduleImportPage'));
const AgreementsPage = lazy(() => import('../features/agreements/AgreementsPage'));
const MyEnrolmentsPage = lazy(() => import('../features/enrolment/MyEnrolmentsPage'));
const UnitEnrolmentsPage = lazy(() => import('../features/enrolment/UnitEnrolmentsPage'));
const NominatePage = lazy(() => import('../features/enrolment/NominatePage'));

/**
 * A 401 from any call means the session has ended (expired, signed out elsewhere, password changed):
 * forget the user, so guarded pages send the visitor to the sign-in page and back.
 */
function onApiError(error: unknown) {
  if (error instanceof ApiError && error.code === 'UNAUTHENTICATED' && queryClient.getQueryData(ME_KEY)) {
    queryClient.setQueryData(ME_KEY, null);
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // 4xx answers will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<HomePage />} />
            <Route path="accedi" element={<LoginPage />} />
            <Route path="password-dimenticata" element={<ForgotPasswordPage />} />
            <Route path="reimposta-password" element={<ResetPasswordPage />} />
            <Route path="manuale" element={<ManualPage />} />
            <Route path="formazione">
              <Route index element={<CalendarPage />} />
              <Route path="percorsi/:slug" element={<PathPage />} />
              <Route path="edizioni/:id" element={<EditionPage />} />
              <Route
                path="iscrizioni"
                element={
                  <RequireAuth>
                    <MyEnrolmentsPage />
                  </RequireAuth>
                }
              />
            </Route>
            <Route path="provincia">
              <Route
                path="iscrizioni"
                element={
                  <RequireAuth>
                    <UnitEnrolmentsPage />
                  </RequireAuth>
                }
              />
              <Route
                path="iscrizioni/nomina"
                element={
                  <RequireAuth>
                    <NominatePage />
                  </RequireAuth>
                }
              />
            </Route>
            <Route
              path="profilo"
              element={
                <RequireAuth>
                  <ProfilePage />
                </RequireAuth>
              }
            />
            <Route path="amministrazione">
              <Route
                path="utenti"
                element={
                  <RequireAuth can="manageUsers">
                    <UsersPage />
                  </RequireAuth>
                }
              />
              <Route
                path="utenti/:id"
                element={
                  <RequireAuth can="manageUsers">
                    <UserDetailPage />
                  </RequireAuth>
                }
              />
              <Route
                path="unita"
                element={
                  <RequireAuth can="manageUnits">
                    <UnitsPage />
                  </RequireAuth>
                }
              />
              <Route
                path="unita/:id"
                element={
                  <RequireAuth can="manageUnits">
                    <UnitEditPage />
                  </RequireAuth>
                }
              />
              <Route
                path="registro-attivita"
                element={
                  <RequireAuth can="viewAudit">
                    <AuditLogPage />
                  </RequireAuth>
                }
              />
              <Route
                path="posta"
                element={
                  <RequireAuth can="viewOutbox">
                    <OutboxPage />
                  </RequireAuth>
                }
              />
              <Route
                path="catalogo"
                element={
                  <RequireAuth can="manageCatalogue">
                    <CataloguePage />
                  </RequireAuth>
                }
              />
              <Route
                path="catalogo/nuovo"
                element={
                  <RequireAuth can="manageCatalogue">
                    <PathCreatePage />
                  </RequireAuth>
                }
              />
              <Route
                path="catalogo/importa"
                element={
                  <RequireAuth can="manageCatalogue">
                    <ScheduleImportPage />
                  </RequireAuth>
                }
              />
              <Route
                path="catalogo/:id"
                element={
                  <RequireAuth can="manageCatalogue">
                    <PathAdminPage />
                  </RequireAuth>
                }
              />
              <Route
                path="edizioni/:id"
                element={
                  <RequireAuth can="manageCatalogue">
                    <EditionAdminPage />
                  </RequireAuth>
                }
              />
              <Route
                path="convenzioni"
                element={
                  <RequireAuth can="manageAgreements">
                    <AgreementsPage />
                  </RequireAuth>
                }
              />
            </Route>
            {attendanceRoutes}
            {certificatesRoutes}
            {learningRoutes}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
