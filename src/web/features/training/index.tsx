import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import en from './training.en.json';
import it from './training.it.json';

const PathsPage = lazy(() => import('./PathsPage'));
const PathPage = lazy(() => import('./PathPage'));
const EditionPage = lazy(() => import('./EditionPage'));

/**
 * The public list of paths and the public pages of a path and of an edition. Its texts also serve the calendar, the catalogue, the
 * agreements and the calendar feed.
 */
export const trainingFeature: WebFeature = {
  name: 'training',
  routes: (
    <>
      <Route path="formazione/percorsi" element={<PathsPage />} />
      <Route path="formazione/percorsi/:slug" element={<PathPage />} />
      <Route path="formazione/edizioni/:id" element={<EditionPage />} />
    </>
  ),
  nav: (_me, t) => [{ to: '/formazione/percorsi', label: t('paths.nav'), group: 'training' }],
  translations: { it, en },
};
