import { Badge } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyFadModule } from '../../../common/fad';
import { LEARNER_AREA_PATH } from '../../../common/learning';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useMySessions } from '../learning/api';
import { SessionsTable } from '../learning/SessionsTable';
import { useMyQuizzes } from '../quizzes/api';
import { QUIZZES_PATH } from '../quizzes/text';
import { useMyFad } from './api';
import { modulePath } from './paths';

/** A module's state for the learner, in words and colour. */
function ModuleState({ m }: { m: MyFadModule }) {
  const { t } = useTranslation();
  if (m.completedAt) return <Badge color="success">{t('fad.state.completed')}</Badge>;
  if (m.locked) return <Badge color="secondary">{t('fad.state.locked')}</Badge>;
  if (m.viewedPages > 0 || m.activeMinutes > 0)
    return <Badge color="primary">{t('fad.state.inProgress')}</Badge>;
  return (
    <Badge color="light" className="text-dark border">
      {t('fad.state.toStart')}
    </Badge>
  );
}

function ModuleCard({ m }: { m: MyFadModule }) {
  const { t, i18n } = useTranslation();
  const title = i18n.language === 'en' && m.titleEn ? m.titleEn : m.titleIt;
  // A SCORM package says only whether it is completed; pages are counted one by one.
  const pct =
    m.kind === 'scorm'
      ? m.completedAt
        ? 100
        : 0
      : m.pageCount
        ? Math.round((m.viewedPages * 100) / m.pageCount)
        : 0;
  const barId = `fad-bar-${m.id}`;
  return (
    <li className="col-12 col-lg-6 mb-4">
      <div className="card card-bg h-100">
        <div className="card-body">
          <p className="small mb-1">{m.pathTitle}</p>
          <h3 className="h5 card-title">
            <Link to={modulePath(m.id)}>{title}</Link>
          </h3>
          <p className="mb-2">
            <ModuleState m={m} />
          </p>
          <p id={barId} className="small mb-1">
            {m.kind === 'scorm'
              ? `${t('fad.kind.scorm')} · `
              : `${t('fad.pagesSeen', { seen: m.viewedPages, count: m.pageCount })} · `}
            {t('fad.minutes', { count: m.activeMinutes })}
            {m.minMinutes > 0 ? ` ${t('fad.ofMinimum', { count: m.minMinutes })}` : ''}
          </p>
          <div className="progress mb-2" style={{ height: '0.5rem' }}>
            <div
              className={`progress-bar ${m.completedAt ? 'bg-success' : 'bg-primary'}`}
              role="progressbar"
              aria-labelledby={barId}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={pct}
              style={{ width: `${pct}%` }}
            />
          </div>
          {m.availableUntil ? (
            <p className="small mb-0">{t('fad.until', { day: formatDate(m.availableUntil) })}</p>
          ) : null}
        </div>
      </div>
    </li>
  );
}

/** Online sessions and webinars to come, with their links shown only to enrolled people. */
function NextWebinars() {
  const { t } = useTranslation();
  const sessions = useMySessions();
  const items = (sessions.data ?? []).filter(
    (s) => (s.mode === 'webinar' || s.mode === 'online') && s.status !== 'cancelled',
  );
  return (
    <section aria-labelledby="fad-webinars" className="mt-4">
      <h2 id="fad-webinars" className="h4">
        {t('fad.webinars')}
      </h2>
      <ErrorAlert error={sessions.error} />
      {sessions.isPending ? <Loading /> : null}
      {sessions.data && items.length === 0 ? <p>{t('fad.noWebinars')}</p> : null}
      {items.length > 0 ? (
        <SessionsTable items={items} caption={t('fad.webinarsCaption', { count: items.length })} />
      ) : null}
    </section>
  );
}

/** The learner's online tests with their best result, and the way to take them. */
function Results() {
  const { t } = useTranslation();
  const quizzes = useMyQuizzes();
  const items = quizzes.data?.items ?? [];
  const best = (q: (typeof items)[number]) =>
    q.attempts.reduce<number | null>((m, a) => (a.pct === null ? m : Math.max(m ?? 0, a.pct)), null);
  return (
    <section aria-labelledby="fad-results" className="mt-4">
      <h2 id="fad-results" className="h4">
        {t('fad.results')}
      </h2>
      <ErrorAlert error={quizzes.error} />
      {quizzes.isPending ? <Loading /> : null}
      {quizzes.data && items.length === 0 ? <p>{t('fad.noResults')}</p> : null}
      {items.length > 0 ? (
        <ul>
          {items.map((q) => {
            const pct = best(q);
            return (
              <li key={q.id} className="mb-2">
                <span className="fw-semibold">{q.title}</span> — {q.pathTitle}:{' '}
                {q.passed
                  ? t('fad.passed', { pct })
                  : pct === null
                    ? t('fad.notTaken')
                    : t('fad.notPassed', { pct, needed: q.passingPct })}
              </li>
            );
          })}
        </ul>
      ) : null}
      <p>
        <Link to={QUIZZES_PATH}>{t('fad.allTests')}</Link>
      </p>
    </section>
  );
}

/** "Formazione a distanza": the learner's online modules and webinars, and the way to the calendar. */
export default function MyFadPage() {
  const { t } = useTranslation();
  const fad = useMyFad();
  const modules = fad.data?.modules ?? [];
  return (
    <Page title={t('fad.title')} lead={t('fad.lead')}>
      <ul className="list-inline">
        <li className="list-inline-item me-3">
          <Link to={LEARNER_AREA_PATH}>{t('learning.back')}</Link>
        </li>
        <li className="list-inline-item">
          <Link to="/formazione">{t('fad.calendar')}</Link>
        </li>
      </ul>
      <section aria-labelledby="fad-modules">
        <h2 id="fad-modules" className="h4">
          {t('fad.modules')}
        </h2>
        <ErrorAlert error={fad.error} />
        {fad.isPending ? <Loading /> : null}
        {fad.data && modules.length === 0 ? <p>{t('fad.noModules')}</p> : null}
        {modules.length > 0 ? (
          <ul className="row list-unstyled">
            {modules.map((m) => (
              <ModuleCard key={m.id} m={m} />
            ))}
          </ul>
        ) : null}
      </section>
      <NextWebinars />
      <Results />
    </Page>
  );
}
