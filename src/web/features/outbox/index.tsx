import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';

const OutboxPage = lazy(() => import('./OutboxPage'));

/** The outgoing e-mails. */
export const outboxFeature: WebFeature = {
  name: 'outbox',
  routes: (
    <>
      <Route
        path="amministrazione/posta"
        element={
          <RequireAuth can="viewOutbox">
            <OutboxPage />
          </RequireAuth>
        }
      />
    </>
  ),
  nav: (me, t) =>
    me?.can.viewOutbox ? [{ to: '/amministrazione/posta', label: t('nav.outbox'), group: 'admin' }] : [],
};
