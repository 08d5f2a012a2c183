import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { romeDate } from '../../../common/rome-time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDayLong } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { logbookPath } from '../attendance/access';
import { useAffiancamentoEnrolments } from '../attendance/LogbookLink';
import { useMyCertificates } from '../certificates/api';
import { MY_ENROLMENTS_PATH } from '../enrolment/access';
import { useMyEnrolments } from '../enrolment/api';
import { SuggestedPaths } from '../plans/SuggestedPaths';
import { QUIZZES_PATH } from '../quizzes/text';
import { dateWords } from '../training/labels';
import { sessionTimes } from '../training/times';
import { WebinarJoin } from '../webinars';
import { useFeedbackDue, useMySessions, useTranscript } from './api';
import { feedbackFormPath, MY_CERTIFICATES_PATH, MY_SESSIONS_PATH, TRANSCRIPT_PATH } from './paths';
import { YearProgress } from './YearProgress';

const SHOWN_SESSIONS = 3;

function UpcomingSessions() {
  const { t } = useTranslation();
  const sessions = useMySessions();
  const next = (sessions.data ?? []).filter((s) => s.status !== 'cancelled').slice(0, SHOWN_SESSIONS);
  return (
    <Panel title={t('learning.upcoming')} icon="it-clock">
      <ErrorAlert error={sessions.error} />
      {sessions.isPending ? <Loading /> : null}
      {sessions.data && next.length === 0 ? <p>{t('mySessions.none')}</p> : null}
      {next.length > 0 ? (
        <ul className="list-unstyled">
          {next.map((s) => (
            <li key={s.sessionId} className="mb-3">
              <span className="d-block fw-semibold">{s.sessionTitle}</span>
              <span className="d-block small">
                {formatDayLong(romeDate(s.startsAt))}, {sessionTimes(s)} — {t(`modes.${s.mode}`)}
              </span>
              <span className="d-block small">{s.pathTitle}</span>
              {s.webinar ? (
                <WebinarJoin session={{ ...s, title: s.sessionTitle }} room={s.webinar} />
              ) : s.onlineUrl ? (
                <a href={s.onlineUrl} rel="noopener noreferrer" className="small">
                  {t('mySessions.join')}
                  <span className="visually-hidden"> {s.sessionTitle}</span>
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mb-0">
        <Link to={MY_SESSIONS_PATH}>{t('learning.allSessions')}</Link>
      </p>
    </Panel>
  );
}

function Questionnaires() {
  const { t } = useTranslation();
  const due = useFeedbackDue();
  const items = due.data ?? [];
  return (
    <Panel title={t('learning.questionnaires')} icon="it-check-circle">
      <ErrorAlert error={due.error} />
      {due.isPending ? <Loading /> : null}
      {due.data && items.length === 0 ? <p className="mb-0">{t('learning.noQuestionnaires')}</p> : null}
      {items.length > 0 ? (
        <>
          <p>{t('learning.questionnairesHelp')}</p>
          <ul className="mb-0">
            {items.map((d) => (
              <li key={d.enrolmentId} className="mb-2">
                <Link to={feedbackFormPath(d.enrolmentId)}>
                  {t('learning.fillIn', { title: `${d.pathTitle} — ${d.editionTitle}` })}
                </Link>
                <span className="d-block small">
                  {t('training.fromTo', dateWords(formatDate(d.startsOn), formatDate(d.endsOn)))}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Panel>
  );
}

function TranscriptSummary() {
  const { t } = useTranslation();
  const transcript = useTranscript();
  const year = transcript.data?.years[0];
  return (
    <Panel title={t('transcript.title')} icon="it-chart-line">
      <ErrorAlert error={transcript.error} />
      {transcript.isPending ? <Loading /> : null}
      {year ? (
        <>
          <p className="mb-1 fw-semibold">{t('learning.thisYear', { year: year.year })}</p>
          <YearProgress year={year} id="hub-progress" />
        </>
      ) : null}
      <p className="mb-0">
        <Link to={TRANSCRIPT_PATH}>{t('learning.openTranscript')}</Link>
      </p>
    </Panel>
  );
}

function Certificates() {
  const { t } = useTranslation();
  const mine = useMyCertificates();
  const valid = (mine.data ?? []).filter((c) => c.status === 'valid').length;
  return (
    <Panel title={t('certificates.mineTitle')} icon="it-file">
      <ErrorAlert error={mine.error} />
      {mine.data ? <p>{t('learning.certificatesCount', { count: valid })}</p> : null}
      <p className="mb-0">
        <Link to={MY_CERTIFICATES_PATH}>{t('learning.openCertificates')}</Link>
      </p>
    </Panel>
  );
}

function Enrolments() {
  const { t } = useTranslation();
  const mine = useMyEnrolments();
  const withLogbook = useAffiancamentoEnrolments();
  const logbooks = (mine.data?.items ?? []).filter((e) => e.status === 'confirmed' && withLogbook.has(e.id));
  return (
    <Panel title={t('myEnrolments.title')} icon="it-list">
      <p>
        <Link to={MY_ENROLMENTS_PATH}>{t('learning.openEnrolments')}</Link>
      </p>
      <p>
        <Link to={QUIZZES_PATH}>{t('quizzes.hubLink')}</Link>
      </p>
      {logbooks.length > 0 ? (
        <>
          <h3 className="h6">{t('learning.logbooks')}</h3>
          <ul className="mb-0">
            {logbooks.map((e) => (
              <li key={e.id}>
                <Link to={logbookPath(e.id)}>{t('learning.logbookOf', { title: e.editionTitle })}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Panel>
  );
}

function CalendarFeed() {
  const { t } = useTranslation();
  return (
    <Panel title={t('learning.calendarTitle')} icon="it-calendar">
      <p>{t('learning.calendarHelp')}</p>
      <p className="mb-0">
        <Link to="/profilo">{t('learning.calendarFeed')}</Link>
      </p>
    </Panel>
  );
}

/** "La mia formazione": the learner's starting point, one card per thing they come for. */
export default function LearnerHubPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('learning.title')} lead={t('learning.lead')}>
      <div className="row g-4">
        <div className="col-12 col-lg-6">
          <UpcomingSessions />
        </div>
        <div className="col-12 col-lg-6">
          <Questionnaires />
        </div>
        <div className="col-12 col-lg-6">
          <TranscriptSummary />
        </div>
        <div className="col-12 col-lg-6">
          <Certificates />
        </div>
        <div className="col-12 col-lg-6">
          <Enrolments />
        </div>
        <div className="col-12 col-lg-6">
          <CalendarFeed />
        </div>
        <div className="col-12 col-lg-6">
          <SuggestedPaths />
        </div>
      </div>
    </Page>
  );
}
