import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';
import { ATTENTION_PATH } from '../auth/landing';
import en from './attention.en.json';
import it from './attention.it.json';

const AttentionPage = lazy(() => import('./AttentionPage'));

/** The national administrator's overview of what needs attention now (where they land after signing in). */
export const attentionFeature: WebFeature = {
  name: 'attention',
  routes: (
    <Route
      path={ATTENTION_PATH.slice(1)}
      element={
        <RequireAuth>
          <AttentionPage />
        </RequireAuth>
      }
    />
  ),
  nav: (me, t) =>
    me?.roles.some((g) => g.role === 'national_admin')
      ? [{ to: ATTENTION_PATH, label: t('attention.nav'), end: true, group: 'admin' }]
      : [],
  translations: { it, en },
};
