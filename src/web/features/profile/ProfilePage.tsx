import { Badge } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { grantLabel } from '../auth/roles';
import { useMe } from '../auth/session';
import { CalendarFeedPanel } from './CalendarFeedPanel';
import { ChangePasswordForm } from './ChangePasswordForm';
import { EnrolmentNoticesPanel } from './EnrolmentNoticesPanel';
import { ProfileForm } from './ProfileForm';

export default function ProfilePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me) return <Loading />;
  // Province officers choose how they hear of their staff's requests and cancellations.
  const officer = me.roles.some((g) => g.role === 'province_officer' && g.unitId !== null);
  return (
    <Page title={t('profile.title')} lead={t('profile.lead')}>
      <div className="row g-4">
        <div className="col-12 col-lg-6">
          <Panel title={t('profile.data')}>
            <dl className="row mb-0">
              <dt className="col-sm-4">{t('profile.name')}</dt>
              <dd className="col-sm-8">{me.name}</dd>
              <dt className="col-sm-4">{t('profile.email')}</dt>
              <dd className="col-sm-8">{me.email}</dd>
              <dt className="col-sm-4">{t('profile.unit')}</dt>
              <dd className="col-sm-8">{me.unit?.name ?? t('profile.noUnit')}</dd>
              <dt className="col-sm-4">{t('profile.jobProfile')}</dt>
              <dd className="col-sm-8">{me.jobProfile?.name ?? t('profile.noJobProfile')}</dd>
              <dt className="col-sm-4">{t('profile.roles')}</dt>
              <dd className="col-sm-8">
                {me.roles.length === 0 ? (
                  t('profile.noRoles')
                ) : (
                  <ul className="list-unstyled mb-0" aria-label={t('profile.roles')}>
                    {me.roles.map((grant) => (
                      <li key={grant.id} className="mb-1">
                        <Badge color="primary" className="text-wrap text-start">
                          {grantLabel(grant, t)}
                        </Badge>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </dl>
          </Panel>
        </div>
        <div className="col-12 col-lg-6">
          <ProfileForm me={me} />
        </div>
        <div className="col-12 col-lg-6">
          <ChangePasswordForm email={me.email} />
        </div>
        <div className="col-12 col-lg-6">
          <CalendarFeedPanel />
        </div>
        {officer ? (
          <div className="col-12 col-lg-6">
            <EnrolmentNoticesPanel />
          </div>
        ) : null}
      </div>
    </Page>
  );
}
