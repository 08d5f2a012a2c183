import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LEARNER_AREA_PATH } from '../../../common/learning';
import { romeDate } from '../../../common/rome-time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTimeText, formatDayLong, formatTime } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useNotice } from '../enrolment/Notice';
import { dateWords } from '../training/labels';
import { sessionTimes } from '../training/times';
import { type CheckinInfo, useCheckIn, useCheckinInfo } from './api';
import { formatMinutes } from './format';

/** Why the button is not there: not enrolled, too early, too late (or the session was cancelled). */
function Refusal({ info }: { info: CheckinInfo }) {
  const { t } = useTranslation();
  const span = dateWords(formatDateTimeText(info.opensAt), formatDateTimeText(info.closesAt));
  let text: string;
  if (!info.enrolled) text = t('checkin.notEnrolled');
  else if (Date.now() < new Date(info.opensAt).getTime()) text = t('checkin.notYet', span);
  else text = t('checkin.closed', span);
  return (
    <div className="alert alert-warning" role="alert">
      {text}
    </div>
  );
}

/** A learner checks in to a session with the code they scanned (signed in; the sign-in page comes back here). */
export default function CheckinPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const info = useCheckinInfo(token);
  const checkIn = useCheckIn(token);
  const notice = useNotice();
  if (info.error)
    return (
      <Page title={t('checkin.title')}>
        <ErrorAlert error={info.error} />
        <p>
          <Link to={LEARNER_AREA_PATH}>{t('checkin.toArea')}</Link>
        </p>
      </Page>
    );
  if (info.isPending) return <Loading />;
  const i = info.data;
  const done = checkIn.data;
  const can = i.enrolled && i.open && i.minutes === null && !done;
  return (
    <Page title={t('checkin.title')} lead={t('checkin.lead')}>
      <div className="it-card rounded shadow-sm border mb-4">
        <div className="it-card-body p-4">
          <h2 className="h4">{i.sessionTitle}</h2>
          <p className="mb-1">{t('register.lead', { edition: i.editionTitle, path: i.pathTitle })}</p>
          <p className="mb-0">
            {formatDayLong(romeDate(i.startsAt))}, {sessionTimes(i)} {t('checkin.rome')}
          </p>
        </div>
      </div>
      {notice.node}
      {done ? null : i.minutes !== null && i.enrolled ? (
        <div className="alert alert-info" role="status">
          {t('checkin.already', { minutes: formatMinutes(i.minutes) })}
        </div>
      ) : null}
      {!done && (!i.enrolled || !i.open) ? <Refusal info={i} /> : null}
      <ErrorAlert error={checkIn.error} />
      {can ? (
        <Button
          color="primary"
          size="lg"
          disabled={checkIn.isPending}
          onClick={() =>
            checkIn.mutate(undefined, {
              onSuccess: (r) =>
                notice.show(
                  t('checkin.done', {
                    time: formatTime(r.checkedInAt),
                    minutes: formatMinutes(r.minutes),
                  }),
                ),
            })
          }
        >
          {t('checkin.button')}
        </Button>
      ) : null}
      <p className="mt-4">
        <Link to={LEARNER_AREA_PATH}>{t('checkin.toArea')}</Link>
      </p>
    </Page>
  );
}
