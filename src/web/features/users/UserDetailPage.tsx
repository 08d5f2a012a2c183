import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Me } from '../../../common/auth';
import type { UserSummary } from '../../../common/users';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useMe } from '../auth/session';
import { useResendInvitation, useUser } from './api';
import { RoleGrants } from './RoleGrants';
import { UserEditForm } from './UserEditForm';
import { UserStatus } from './UsersTable';
import { useUnitOptions } from './unitOptions';

function Invitation({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  const resend = useResendInvitation(user.id);
  if (user.activated) return null;
  return (
    <div className="callout note my-4">
      <div className="callout-title">{t('userDetail.pendingTitle')}</div>
      <p>{t('userDetail.pending')}</p>
      <ErrorAlert error={resend.error} />
      {resend.isSuccess ? <SuccessAlert>{t('userDetail.resent', { email: user.email })}</SuccessAlert> : null}
      <Button color="primary" size="sm" disabled={resend.isPending} onClick={() => resend.mutate()}>
        {t('userDetail.resend')}
      </Button>
    </div>
  );
}

function Detail({ me, id }: { me: Me; id: string }) {
  const { t } = useTranslation();
  const user = useUser(id);
  const units = useUnitOptions(me);
  if (user.isPending) return <Loading />;
  if (user.error)
    return (
      <Page title={t('userDetail.title')}>
        <ErrorAlert error={user.error} />
        <Link to="/amministrazione/utenti">{t('userDetail.back')}</Link>
      </Page>
    );
  const u = user.data;
  return (
    <Page title={u.name} lead={u.email}>
      <p>
        <Link to="/amministrazione/utenti">{t('userDetail.back')}</Link>
      </p>
      <dl className="row">
        <dt className="col-sm-3">{t('users.status')}</dt>
        <dd className="col-sm-9">
          <UserStatus user={u} />
        </dd>
        <dt className="col-sm-3">{t('users.unit')}</dt>
        <dd className="col-sm-9">{u.unitName ?? '—'}</dd>
        <dt className="col-sm-3">{t('users.lastLogin')}</dt>
        <dd className="col-sm-9">{formatDateTime(u.lastLoginAt)}</dd>
      </dl>
      <Invitation user={u} />
      <div className="row g-5">
        <div className="col-12 col-lg-6">
          <UserEditForm user={u} units={units.options} restricted={units.restricted} />
        </div>
        <div className="col-12 col-lg-6">
          <RoleGrants user={u} units={units.options} restricted={units.restricted} />
        </div>
      </div>
    </Page>
  );
}

export default function UserDetailPage() {
  const { data: me } = useMe();
  const { id } = useParams();
  if (!me || !id) return <Loading />;
  return <Detail me={me} id={id} />;
}
