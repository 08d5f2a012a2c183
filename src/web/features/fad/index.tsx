import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';
import en from './fad.en.json';
import it from './fad.it.json';
import { FAD_PATH, fadNavEntries } from './paths';

const MyFadPage = lazy(() => import('./MyFadPage'));
const ModulePage = lazy(() => import('./ModulePage'));
const PathModulesPage = lazy(() => import('./PathModulesPage'));
const ModuleEditorPage = lazy(() => import('./ModuleEditorPage'));

const signedIn = (page: ReactNode) => <RequireAuth>{page}</RequireAuth>;
const editors = (page: ReactNode) => <RequireAuth can="manageCatalogue">{page}</RequireAuth>;

/** Formazione a distanza: the learner's online modules and the catalogue managers' module editor. */
export const fadFeature: WebFeature = {
  name: 'fad',
  routes: (
    <>
      <Route path={FAD_PATH.slice(1)} element={signedIn(<MyFadPage />)} />
      <Route path={`${FAD_PATH.slice(1)}/moduli/:id`} element={signedIn(<ModulePage />)} />
      <Route path="amministrazione/catalogo/:id/fad" element={editors(<PathModulesPage />)} />
      <Route path="amministrazione/fad/moduli/:id" element={editors(<ModuleEditorPage />)} />
    </>
  ),
  nav: fadNavEntries,
  translations: { it, en },
};
