import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';

const AuditLogPage = lazy(() => import('./AuditLogPage'));

/** The audit log. */
export const auditFeature: WebFeature = {
  name: 'audit',
  routes: (
    <>
      <Route
        path="amministrazione/registro-attivita"
        element={
          <RequireAuth can="viewAudit">
            <AuditLogPage />
          </RequireAuth>
        }
      />
    </>
  ),
  nav: (me, t) =>
    me?.can.viewAudit
      ? [{ to: '/amministrazione/registro-attivita', label: t('nav.audit'), group: 'admin' }]
      : [],
};
