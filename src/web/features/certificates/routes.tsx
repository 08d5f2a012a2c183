import { lazy } from 'react';
import { Route } from 'react-router';
import { RequireAuth } from '../../app/RequireAuth';

const VerifyPage = lazy(() => import('./VerifyPage'));
const EditionCertificatesPage = lazy(() => import('./EditionCertificatesPage'));

/** The public verification page (no sign-in) and an edition's certificates. */
export const certificatesRoutes = (
  <>
    <Route path="verifica" element={<VerifyPage />} />
    <Route path="verifica/:code" element={<VerifyPage />} />
    <Route
      path="formazione/edizioni/:id/attestati"
      element={
        <RequireAuth>
          <EditionCertificatesPage />
        </RequireAuth>
      }
    />
  </>
);
