import { Button } from 'design-react-kit';
import { type FormEvent, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Answer, Attempt, AttemptQuestion } from '../../../common/quizzes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField, TextField } from '../../components/Field';
import { formatDateTime, formatTime } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useAttempt, useSaveAnswers, useSubmitAttempt } from './api';
import { local, QUIZZES_PATH } from './text';

type Answers = Record<number, Answer>;

const mmss = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * The time left, shown as a timer people can read when they want, and announced politely (not every
 * second: at the start, every five minutes, at one minute and when it runs out).
 */
function Timer({ deadline, onTimeUp }: { deadline: string; onTimeUp: () => void }) {
  const { t } = useTranslation();
  const end = new Date(deadline).getTime();
  const [now, setNow] = useState(() => Date.now());
  const [announce, setAnnounce] = useState('');
  const lastSpoken = useRef<number | null>(null);
  const fired = useRef(false);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const left = end - now;
  const minutes = Math.ceil(left / 60_000);
  useEffect(() => {
    if (left <= 0) {
      if (!fired.current) {
        fired.current = true;
        setAnnounce(t('quizzes.take.timeUp'));
        onTimeUp();
      }
      return;
    }
    const due =
      lastSpoken.current === null || (minutes !== lastSpoken.current && (minutes % 5 === 0 || minutes === 1));
    if (due) {
      lastSpoken.current = minutes;
      setAnnounce(t('quizzes.take.minutesLeft', { count: minutes }));
    }
  }, [left, minutes, onTimeUp, t]);
  return (
    <div className="alert alert-info d-flex flex-wrap justify-content-between align-items-center gap-2">
      <span>
        {t('quizzes.take.deadline', { time: formatTime(deadline) })}{' '}
        <span role="timer" aria-label={t('quizzes.take.timeLeft')} className="fw-semibold">
          {mmss(left)}
        </span>
      </span>
      <span className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </span>
    </div>
  );
}

function QuestionField({
  q,
  index,
  total,
  answer,
  onChange,
}: {
  q: AttemptQuestion;
  index: number;
  total: number;
  answer: Answer | undefined;
  onChange: (a: Answer) => void;
}) {
  const { t } = useTranslation();
  const id = `q${q.id}`;
  const legend = (
    <legend className="h6 mb-3">
      <span className="d-block text-secondary small">
        {t('quizzes.take.questionOf', { n: index + 1, total, count: q.points })}
      </span>
      {local(q.text)}
    </legend>
  );
  let body: ReactNode = null;
  if (q.kind === 'single') {
    const chosen = answer?.kind === 'single' ? answer.optionId : null;
    body = q.options.map((o) => (
      <div key={o.id} className="form-check">
        <input
          type="radio"
          id={`${id}-${o.id}`}
          name={id}
          checked={chosen === o.id}
          onChange={() => onChange({ kind: 'single', optionId: o.id })}
        />
        <label htmlFor={`${id}-${o.id}`}>{local(o.text)}</label>
      </div>
    ));
  } else if (q.kind === 'multiple') {
    const chosen = answer?.kind === 'multiple' ? answer.optionIds : [];
    body = (
      <>
        <p className="form-text mt-0">{t('quizzes.take.chooseAll')}</p>
        {q.options.map((o) => (
          <div key={o.id} className="form-check">
            <input
              type="checkbox"
              id={`${id}-${o.id}`}
              checked={chosen.includes(o.id)}
              onChange={(e) =>
                onChange({
                  kind: 'multiple',
                  optionIds: e.target.checked ? [...chosen, o.id] : chosen.filter((x) => x !== o.id),
                })
              }
            />
            <label htmlFor={`${id}-${o.id}`}>{local(o.text)}</label>
          </div>
        ))}
      </>
    );
  } else if (q.kind === 'true_false') {
    const chosen = answer?.kind === 'true_false' ? answer.value : null;
    body = [true, false].map((v) => (
      <div key={String(v)} className="form-check">
        <input
          type="radio"
          id={`${id}-${v}`}
          name={id}
          checked={chosen === v}
          onChange={() => onChange({ kind: 'true_false', value: v })}
        />
        <label htmlFor={`${id}-${v}`}>{t(v ? 'quizzes.true' : 'quizzes.false')}</label>
      </div>
    ));
  } else if (q.kind === 'short_answer') {
    body = (
      <TextField
        id={`${id}-text`}
        label={t('quizzes.take.yourAnswer')}
        maxLength={200}
        autoComplete="off"
        value={answer?.kind === 'short_answer' ? answer.text : ''}
        onChange={(e) => onChange({ kind: 'short_answer', text: e.target.value })}
      />
    );
  } else {
    const matches = answer?.kind === 'matching' ? answer.matches : [];
    body = (
      <>
        <p className="form-text mt-0">{t('quizzes.take.matchHint')}</p>
        {q.items.map((item) => (
          <SelectField
            key={item.id}
            id={`${id}-${item.id}`}
            label={local(item.text)}
            value={matches.find((m) => m.itemId === item.id)?.optionId ?? ''}
            onChange={(e) =>
              onChange({
                kind: 'matching',
                matches: [
                  ...matches.filter((m) => m.itemId !== item.id),
                  { itemId: item.id, optionId: e.target.value || null },
                ],
              })
            }
          >
            <option value="">{t('quizzes.take.choose')}</option>
            {q.options.map((o) => (
              <option key={o.id} value={o.id}>
                {local(o.text)}
              </option>
            ))}
          </SelectField>
        ))}
      </>
    );
  }
  return (
    <fieldset className="mb-5" id={id}>
      {legend}
      {body}
    </fieldset>
  );
}

function TakeQuiz({ attempt }: { attempt: Attempt }) {
  const { t } = useTranslation();
  const save = useSaveAnswers(attempt.id);
  const saveAnswers = save.mutate;
  const submit = useSubmitAttempt(attempt.id);
  const [answers, setAnswers] = useState<Answers>(() =>
    Object.fromEntries(attempt.answers.map((a) => [a.questionId, a.answer])),
  );
  const [dirty, setDirty] = useState<Set<number>>(new Set());
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const answersRef = useRef(answers);
  answersRef.current = answers;

  // Answers are saved as the learner goes, a moment after the last change.
  useEffect(() => {
    if (dirty.size === 0) return;
    const timer = window.setTimeout(() => {
      const ids = [...dirty];
      setDirty(new Set());
      saveAnswers(
        { answers: ids.flatMap((id) => (answers[id] ? [{ questionId: id, answer: answers[id] }] : [])) },
        { onSuccess: () => setSavedAt(new Date().toISOString()) },
      );
    }, 800);
    return () => window.clearTimeout(timer);
  }, [dirty, answers, saveAnswers]);

  const all = useCallback(
    () => ({
      answers: Object.entries(answersRef.current).map(([id, answer]) => ({ questionId: Number(id), answer })),
    }),
    [],
  );
  const send = useCallback(() => {
    if (!submit.isPending) submit.mutate(all());
  }, [submit, all]);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    send();
  };
  const answered = attempt.questions.filter((q) => answers[q.id]).length;
  return (
    <>
      {attempt.deadlineAt ? <Timer deadline={attempt.deadlineAt} onTimeUp={send} /> : null}
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label={t('quizzes.take.formLabel', { title: attempt.quizTitle })}
      >
        {attempt.questions.map((q, i) => (
          <QuestionField
            key={q.id}
            q={q}
            index={i}
            total={attempt.questions.length}
            answer={answers[q.id]}
            onChange={(a) => {
              setAnswers({ ...answers, [q.id]: a });
              setDirty(new Set(dirty).add(q.id));
            }}
          />
        ))}
        <p className="small text-secondary">
          {t('quizzes.take.answered', { n: answered, total: attempt.questions.length })}
          {savedAt ? ` ${t('quizzes.take.savedAt', { time: formatTime(savedAt) })}` : ''}
        </p>
        <ErrorAlert error={save.error ?? submit.error} />
        <Button type="submit" color="primary" disabled={submit.isPending}>
          {t('quizzes.take.submit')}
        </Button>
      </form>
    </>
  );
}

function Result({ attempt }: { attempt: Attempt }) {
  const { t } = useTranslation();
  const r = attempt.result;
  const byId = new Map(attempt.questions.map((q) => [q.id, q]));
  return (
    <>
      <div className={`alert ${r?.passed === false ? 'alert-warning' : 'alert-success'}`} role="status">
        <p className="mb-1 fw-semibold">
          {attempt.timedOut ? t('quizzes.result.timedOut') : t('quizzes.result.submitted')}
        </p>
        {r && r.score !== null ? (
          <p className="mb-0">
            {t(r.passed ? 'quizzes.result.passed' : 'quizzes.result.failed', {
              score: r.score,
              max: r.maxScore,
              pct: r.pct,
            })}
          </p>
        ) : (
          <p className="mb-0">{t('quizzes.result.noFeedback')}</p>
        )}
      </div>
      {attempt.submittedAt ? (
        <p>{t('quizzes.result.when', { when: formatDateTime(attempt.submittedAt) })}</p>
      ) : null}
      {r?.questions ? (
        <section aria-labelledby="result-details">
          <h2 id="result-details" className="h4">
            {t('quizzes.result.details')}
          </h2>
          <ol>
            {r.questions.map((x) => (
              <li key={x.questionId} className="mb-3">
                <p className="mb-1 fw-semibold">{local(byId.get(x.questionId)?.text)}</p>
                <p className="mb-1">
                  {x.correct ? t('quizzes.result.right') : t('quizzes.result.wrong')} —{' '}
                  {t('quizzes.result.points', { points: x.points, max: x.maxPoints })}
                </p>
                {x.correctAnswer ? (
                  <p className="mb-1">
                    {t('quizzes.result.correctAnswer')} {x.correctAnswer.map((c) => local(c)).join('; ')}
                  </p>
                ) : null}
                {x.feedback?.it ? <p className="mb-0 fst-italic">{local(x.feedback)}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}

/** Taking a quiz (one attempt), then its result with the feedback the quiz allows. */
export default function AttemptPage() {
  const { t } = useTranslation();
  const params = useParams();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const attempt = useAttempt(valid ? id : null);
  if (valid && attempt.isPending) return <Loading />;
  const a = attempt.data;
  return (
    <Page
      title={a ? a.quizTitle : t('quizzes.take.title')}
      lead={a ? t('quizzes.take.lead', { path: a.pathTitle, n: a.number }) : undefined}
    >
      <p>
        <Link to={QUIZZES_PATH}>{t('quizzes.take.back')}</Link>
      </p>
      <ErrorAlert error={attempt.error ?? (valid ? null : new Error('invalid id'))} />
      {a ? a.status === 'open' ? <TakeQuiz attempt={a} /> : <Result attempt={a} /> : null}
    </Page>
  );
}
