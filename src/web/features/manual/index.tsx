import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';

const ManualPage = lazy(() => import('./ManualPage'));

/** The user manual, for everyone. */
export const manualFeature: WebFeature = {
  name: 'manual',
  routes: <Route path="manuale" element={<ManualPage />} />,
  nav: (_me, t) => [{ to: '/manuale', label: t('nav.manual'), group: 'help' }],
};
