import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';

const VerifyPage = lazy(() => import('./VerifyPage'));
const EditionCertificatesPage = lazy(() => import('./EditionCertificatesPage'));

/**
 * The public verification page (no sign-in) and an edition's certificates. One's own certificates are a page of
 * the learning area; the texts are in the learning feature's files.
 */
export const certificatesFeature: WebFeature = {
  name: 'certificates',
  routes: (
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
  ),
};
