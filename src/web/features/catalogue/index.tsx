import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';

const CataloguePage = lazy(() => import('./CataloguePage'));
const PathCreatePage = lazy(() => import('./PathCreatePage'));
const PathAdminPage = lazy(() => import('./PathAdminPage'));
const EditionAdminPage = lazy(() => import('./EditionAdminPage'));
const ScheduleImportPage = lazy(() => import('./ScheduleImportPage'));

/** The catalogue's administration: paths, editions and their sessions, the schedule import. */
export const catalogueFeature: WebFeature = {
  name: 'catalogue',
  routes: (
    <>
      <Route
        path="amministrazione/catalogo"
        element={
          <RequireAuth can="manageCatalogue">
            <CataloguePage />
          </RequireAuth>
        }
      />
      <Route
        path="amministrazione/catalogo/nuovo"
        element={
          <RequireAuth can="manageCatalogue">
            <PathCreatePage />
          </RequireAuth>
        }
      />
      <Route
        path="amministrazione/catalogo/importa"
        element={
          <RequireAuth can="manageCatalogue">
            <ScheduleImportPage />
          </RequireAuth>
        }
      />
      <Route
        path="amministrazione/catalogo/:id"
        element={
          <RequireAuth can="manageCatalogue">
            <PathAdminPage />
          </RequireAuth>
        }
      />
      <Route
        path="amministrazione/edizioni/:id"
        element={
          <RequireAuth can="manageCatalogue">
            <EditionAdminPage />
          </RequireAuth>
        }
      />
    </>
  ),
  nav: (me, t) =>
    me?.can.manageCatalogue
      ? [{ to: '/amministrazione/catalogo', label: t('nav.catalogue'), group: 'training' }]
      : [],
};
