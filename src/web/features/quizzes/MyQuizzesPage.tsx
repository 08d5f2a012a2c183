import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { MyQuiz } from '../../../common/quizzes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { LEARNER_AREA_PATH } from '../learning/paths';
import { useMyQuizzes, useStartAttempt } from './api';
import { attemptPath } from './text';

function QuizCard({ quiz }: { quiz: MyQuiz }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartAttempt();
  const left = quiz.maxAttempts === null ? null : quiz.maxAttempts - quiz.attemptsUsed;
  const canStart = quiz.openAttemptId !== null || left === null || left > 0;
  const headingId = `quiz-${quiz.id}`;
  return (
    <section aria-labelledby={headingId} className="card card-bg mb-4">
      <div className="card-body">
        <h2 id={headingId} className="h5 card-title">
          {quiz.title}
          {quiz.isFinalTest ? <span className="badge bg-primary ms-2">{t('quizzes.finalTest')}</span> : null}
        </h2>
        <p className="mb-2">{quiz.pathTitle}</p>
        <ul className="mb-3">
          <li>{t('quizzes.mine.questions', { count: quiz.questionCount })}</li>
          <li>
            {quiz.timeLimitMinutes === null
              ? t('quizzes.mine.noTime')
              : t('quizzes.mine.time', { count: quiz.timeLimitMinutes })}
          </li>
          <li>{t('quizzes.mine.passing', { pct: quiz.passingPct })}</li>
          <li>
            {quiz.maxAttempts === null
              ? t('quizzes.mine.attemptsUnlimited', { used: quiz.attemptsUsed })
              : t('quizzes.mine.attempts', { used: quiz.attemptsUsed, max: quiz.maxAttempts })}
          </li>
        </ul>
        {quiz.passed !== null ? (
          <p className="fw-semibold">
            {quiz.passed ? t('quizzes.mine.passed') : t('quizzes.mine.notPassed')}
          </p>
        ) : null}
        {quiz.attempts.some((a) => a.status === 'submitted') ? (
          <>
            <h3 className="h6">{t('quizzes.mine.history')}</h3>
            <ul>
              {quiz.attempts
                .filter((a) => a.status === 'submitted')
                .map((a) => (
                  <li key={a.id}>
                    <Link to={attemptPath(a.id)}>
                      {t('quizzes.mine.attempt', {
                        n: a.number,
                        when: a.submittedAt ? formatDateTime(a.submittedAt) : '',
                      })}
                    </Link>
                    {a.pct !== null ? ` — ${a.pct}%` : ''}
                  </li>
                ))}
            </ul>
          </>
        ) : null}
        <ErrorAlert error={start.error} />
        {canStart ? (
          <Button
            color="primary"
            disabled={start.isPending}
            onClick={() => start.mutate(quiz.id, { onSuccess: (a) => navigate(attemptPath(a.id)) })}
            aria-describedby={headingId}
          >
            {quiz.openAttemptId !== null ? t('quizzes.mine.resume') : t('quizzes.mine.start')}
          </Button>
        ) : (
          <p className="mb-0">{t('quizzes.mine.noneLeft')}</p>
        )}
      </div>
    </section>
  );
}

/** The quizzes of the paths I am enrolled in: start or resume one, see my results. */
export default function MyQuizzesPage() {
  const { t } = useTranslation();
  const mine = useMyQuizzes();
  if (mine.isPending) return <Loading />;
  return (
    <Page title={t('quizzes.mine.title')} lead={t('quizzes.mine.lead')}>
      <p>
        <Link to={LEARNER_AREA_PATH}>{t('learning.back')}</Link>
      </p>
      <ErrorAlert error={mine.error} />
      {mine.data?.items.length === 0 ? <p>{t('quizzes.mine.empty')}</p> : null}
      {mine.data?.items.map((q) => (
        <QuizCard key={q.id} quiz={q} />
      ))}
    </Page>
  );
}
