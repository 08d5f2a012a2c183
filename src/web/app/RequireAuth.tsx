import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import type { Me } from '../../common/auth';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { useMe } from '../features/auth/session';

export type Capability = keyof Me['can'];

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Page title={t('forbidden.title')}>
      <div className="alert alert-warning" role="alert">
        {t('forbidden.message')}
      </div>
      <Link to="/profilo">{t('forbidden.back')}</Link>
    </Page>
  );
}

/** Signed-out visitors go to the sign-in page (and come back); signed-in users without the capability are told so. */
export function RequireAuth({ can, children }: { can?: Capability; children: ReactNode }) {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  if (isPending) return <Loading />;
  if (error)
    return (
      <div className="container-xxl px-4 py-4">
        <ErrorAlert error={error} />
      </div>
    );
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/accedi?next=${encodeURIComponent(next)}`} replace />;
  }
  if (can && !me.can[can]) return <Forbidden />;
  return <>{children}</>;
}
