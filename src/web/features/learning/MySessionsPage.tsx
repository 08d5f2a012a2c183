import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LEARNER_AREA_PATH } from '../../../common/learning';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useMySessions } from './api';
import { SessionsTable } from './SessionsTable';

/** The learner's sessions from today for a year, with the online links that only enrolled people get. */
export default function MySessionsPage() {
  const { t } = useTranslation();
  const sessions = useMySessions();
  const items = sessions.data ?? [];
  return (
    <Page title={t('mySessions.title')} lead={t('mySessions.lead')}>
      <ul className="list-inline">
        <li className="list-inline-item me-3">
          <Link to={LEARNER_AREA_PATH}>{t('learning.back')}</Link>
        </li>
        <li className="list-inline-item">
          <Link to="/profilo">{t('learning.calendarFeed')}</Link>
        </li>
      </ul>
      <ErrorAlert error={sessions.error} />
      {sessions.isPending ? <Loading /> : null}
      {sessions.data ? (
        <SessionsTable items={items} caption={t('mySessions.caption', { count: items.length })} />
      ) : null}
    </Page>
  );
}
