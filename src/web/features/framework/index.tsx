import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';
import en from './framework.en.json';
import it from './framework.it.json';
import { FRAMEWORK_PATH, UNMAPPED_PATH } from './paths';

const FrameworkPage = lazy(() => import('./FrameworkPage'));
const FrameworkImportPage = lazy(() => import('./FrameworkImportPage'));
const FrameworkVersionPage = lazy(() => import('./FrameworkVersionPage'));
const UnmappedPage = lazy(() => import('./UnmappedPage'));

/**
 * The competency framework's administration: versions, a version's tree, a draft's editor, import,
 * export, publication, and the paths' free-text competencies still to map.
 */
export const frameworkFeature: WebFeature = {
  name: 'framework',
  routes: (
    <>
      <Route
        path={FRAMEWORK_PATH.slice(1)}
        element={
          <RequireAuth can="manageFramework">
            <FrameworkPage />
          </RequireAuth>
        }
      />
      <Route
        path={`${FRAMEWORK_PATH.slice(1)}/importa`}
        element={
          <RequireAuth can="manageFramework">
            <FrameworkImportPage />
          </RequireAuth>
        }
      />
      <Route
        path={UNMAPPED_PATH.slice(1)}
        element={
          <RequireAuth can="manageFramework">
            <UnmappedPage />
          </RequireAuth>
        }
      />
      <Route
        path={`${FRAMEWORK_PATH.slice(1)}/:id`}
        element={
          <RequireAuth can="manageFramework">
            <FrameworkVersionPage />
          </RequireAuth>
        }
      />
    </>
  ),
  nav: (me, t) =>
    me?.can.manageFramework ? [{ to: FRAMEWORK_PATH, label: t('framework.nav'), group: 'needs' }] : [],
  translations: { it, en },
};
