import { Button } from 'design-react-kit';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AnswersInput, Questionnaire } from '../../../common/campaigns';
import { romeDate } from '../../../common/rome-time';
import { ApiError } from '../../api/client';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime, formatTime } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { saveDraft, useQuestionnaire, useSubmitAnswers } from './api';
import { local } from './labels';
import { MY_CAMPAIGNS_PATH } from './paths';
import {
  type AnswerValue,
  CompetencyGroup,
  type LevelValue,
  levelFieldId,
  QuestionField,
  questionFieldId,
} from './QuestionnaireFields';

const AUTOSAVE_MS = 1200;
type Save = { state: 'idle' | 'dirty' | 'saving' | 'saved' | 'error'; at?: string; message?: string };
type Problem = { key: string; fieldId: string; label: string; message: string };

const emptyAnswers = (): AnswersInput => ({ levels: {}, answers: {} });
/** The keys changed since the last successful save. */
type Dirty = { levels: Set<string>; answers: Set<string> };
const noneDirty = (): Dirty => ({ levels: new Set(), answers: new Set() });
const pick = <T,>(from: Record<string, T>, keys: Set<string>) =>
  Object.fromEntries([...keys].filter((k) => k in from).map((k) => [k, from[k] as T]));
const answered = (v: AnswerValue | undefined) =>
  v !== undefined && !(typeof v === 'string' && !v.trim()) && !(Array.isArray(v) && !v.length);

/** What is missing for a submission, in page order, each with the field to go to. */
function problemsOf(q: Questionnaire, a: AnswersInput, t: (k: string) => string): Problem[] {
  const out: Problem[] = [];
  for (const d of q.domains)
    for (const area of d.areas)
      for (const c of area.competencies)
        if (a.levels[String(c.id)] === undefined)
          out.push({
            key: `levels.${c.id}`,
            fieldId: levelFieldId(c.id),
            label: local(c.name),
            message: t('campaigns.questionnaire.missingLevel'),
          });
  for (const question of q.questions)
    if (question.required && !answered(a.answers[String(question.id)]))
      out.push({
        key: `answers.${question.id}`,
        fieldId: questionFieldId(question),
        label: local(question.prompt),
        message: t('campaigns.questionnaire.missingAnswer'),
      });
  return out;
}

function QuestionnaireForm({ q }: { q: Questionnaire }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<AnswersInput>(() => q.draft ?? emptyAnswers());
  const [save, setSave] = useState<Save>(
    q.draftSavedAt ? { state: 'saved', at: q.draftSavedAt } : { state: 'idle' },
  );
  const [problems, setProblems] = useState<Problem[]>([]);
  const [savedLater, setSavedLater] = useState(false);
  const submit = useSubmitAnswers(q.id);
  const latest = useRef(answers);
  const dirty = useRef<Dirty>(noneDirty());
  const isDirty = () => dirty.current.levels.size + dirty.current.answers.size > 0;
  /** When the draft this page knows was saved: sent with the submission as a precondition. */
  const savedAt = useRef<string | null>(q.draftSavedAt);
  const timer = useRef<number | null>(null);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const summaryRef = useRef<HTMLDivElement>(null);
  const open = q.status === 'open' && q.participantStatus !== 'submitted';

  /**
   * Saves only the answers changed since the last successful save (the server merges them into the
   * saved draft, so another device's answers stay); saves are queued one after the other.
   */
  const flush = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    if (dirty.current.levels.size + dirty.current.answers.size === 0) return chain.current;
    const sent = dirty.current;
    dirty.current = noneDirty();
    const body: AnswersInput = {
      levels: pick(latest.current.levels, sent.levels),
      answers: pick(latest.current.answers, sent.answers),
    };
    setSave((s) => ({ ...s, state: 'saving' }));
    chain.current = chain.current
      .then(() => saveDraft(q.id, body))
      .then(
        (r) => {
          savedAt.current = r.savedAt;
          const pending = dirty.current.levels.size + dirty.current.answers.size > 0;
          setSave({ state: pending ? 'dirty' : 'saved', at: r.savedAt });
        },
        (err: unknown) => {
          for (const k of sent.levels) dirty.current.levels.add(k);
          for (const k of sent.answers) dirty.current.answers.add(k);
          setSave((s) => ({
            ...s,
            state: 'error',
            message: err instanceof Error ? err.message : String(err),
          }));
        },
      );
    return chain.current;
  }, [q.id]);

  // Leaving the page saves what was not saved yet.
  useEffect(() => () => void flush(), [flush]);

  const change = (next: AnswersInput, kind: keyof Dirty, key: string) => {
    setAnswers(next);
    latest.current = next;
    dirty.current[kind].add(key);
    setSavedLater(false);
    setSave((s) => ({ ...s, state: 'dirty' }));
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), AUTOSAVE_MS);
    if (problems.length) setProblems(problemsOf(q, next, t));
  };
  const setLevel = (id: number, v: LevelValue) =>
    change(
      { ...latest.current, levels: { ...latest.current.levels, [String(id)]: v } },
      'levels',
      String(id),
    );
  const setAnswer = (id: number, v: AnswerValue) =>
    change(
      { ...latest.current, answers: { ...latest.current.answers, [String(id)]: v } },
      'answers',
      String(id),
    );

  const showProblems = (list: Problem[]) => {
    setProblems(list);
    window.setTimeout(() => summaryRef.current?.focus(), 0);
  };

  const onSubmit = async () => {
    const list = problemsOf(q, answers, t);
    if (list.length) return showProblems(list);
    await flush();
    // The whole page, and the draft it knows: a newer draft (another device) is refused, 409.
    submit.mutate(
      { ...answers, draftSavedAt: savedAt.current },
      {
        onError: (err) => {
          if (err instanceof ApiError && err.details.length) {
            const byKey = new Map(problemsOf(q, emptyAnswers(), t).map((p) => [p.key, p]));
            showProblems(
              err.details.map((d) => {
                const key = d.path.replace(/^body\./, '');
                const known = byKey.get(key);
                return known
                  ? { ...known, message: d.message }
                  : { key, fieldId: '', label: key, message: d.message };
              }),
            );
          }
        },
      },
    );
  };

  const total =
    q.domains.reduce((n, d) => n + d.areas.reduce((m, a) => m + a.competencies.length, 0), 0) +
    q.questions.filter((x) => x.required).length;
  const done =
    Object.keys(answers.levels).length +
    q.questions.filter((x) => x.required && answered(answers.answers[String(x.id)])).length;
  const pct = total ? Math.round((done / total) * 100) : 100;
  const errorOf = (key: string) => problems.find((p) => p.key === key)?.message;

  if (submit.isSuccess)
    return (
      <SuccessAlert>
        {t('campaigns.questionnaire.submitted', { at: formatDateTime(submit.data.submittedAt) })}
      </SuccessAlert>
    );

  return (
    <form
      noValidate
      aria-label={local(q.title)}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {problems.length ? (
        <div
          ref={summaryRef}
          tabIndex={-1}
          className="alert alert-danger"
          role="alert"
          aria-labelledby="questionnaire-errors-title"
        >
          <h2 id="questionnaire-errors-title" className="h5">
            {t('campaigns.questionnaire.errorsTitle')}
          </h2>
          <p>{t('campaigns.questionnaire.errorsLead')}</p>
          <ul className="mb-0">
            {problems.map((p) => (
              <li key={p.key}>
                {p.fieldId ? (
                  <a
                    href={`#${p.fieldId}`}
                    onClick={(e) => {
                      e.preventDefault();
                      const el = document.getElementById(p.fieldId);
                      el?.scrollIntoView({ block: 'center' });
                      el?.focus();
                    }}
                  >
                    {p.label}
                  </a>
                ) : (
                  p.label
                )}
                : {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {submit.error instanceof ApiError && submit.error.code === 'ANSWERS_CHANGED' ? (
        <div className="alert alert-warning" role="alert">
          <p>{t('campaigns.questionnaire.changedElsewhere')}</p>
          <Button type="button" color="primary" size="sm" onClick={() => window.location.reload()}>
            {t('campaigns.questionnaire.reload')}
          </Button>
        </div>
      ) : (
        <ErrorAlert
          error={submit.error instanceof ApiError && submit.error.details.length ? null : submit.error}
        />
      )}

      <div className="officina-questionnaire-status sticky-top bg-white py-2 mb-3 border-bottom">
        <p id="questionnaire-progress" className="mb-1 small">
          {t('campaigns.questionnaire.progress', { done, total })}
        </p>
        <div className="progress" style={{ height: '0.5rem' }}>
          <div
            className="progress-bar bg-primary"
            role="progressbar"
            aria-labelledby="questionnaire-progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
            style={{ width: `${pct}%` }}
          />
        </div>
        <p className="small mb-0 mt-1" role="status" aria-live="polite" data-testid="autosave">
          {save.state === 'saving'
            ? t('campaigns.questionnaire.saving')
            : save.state === 'dirty'
              ? t('campaigns.questionnaire.notSaved')
              : save.state === 'error'
                ? t('campaigns.questionnaire.saveError', { message: save.message ?? '' })
                : save.at
                  ? t('campaigns.questionnaire.savedAt', { time: formatTime(save.at) })
                  : ''}
        </p>
      </div>

      {q.domains.map((d) => (
        <section key={d.code} aria-labelledby={`domain-${d.code}`} className="mb-4">
          <h2 id={`domain-${d.code}`} className="h3">
            {local(d.name)}
          </h2>
          {d.areas.map((area) => (
            <fieldset key={area.id} className="mb-4">
              <legend className="h4">{local(area.name)}</legend>
              {area.competencies.map((c) => (
                <CompetencyGroup
                  key={c.id}
                  competency={c}
                  value={answers.levels[String(c.id)]}
                  error={errorOf(`levels.${c.id}`)}
                  disabled={!open}
                  onChange={(v) => setLevel(c.id, v)}
                />
              ))}
            </fieldset>
          ))}
        </section>
      ))}

      {q.questions.length ? (
        <section aria-labelledby="questionnaire-questions" className="mb-4">
          <h2 id="questionnaire-questions" className="h3">
            {t('campaigns.questionnaire.questions')}
          </h2>
          {q.questions.map((question) => (
            <QuestionField
              key={question.id}
              question={question}
              value={answers.answers[String(question.id)]}
              error={errorOf(`answers.${question.id}`)}
              disabled={!open}
              onChange={(v) => setAnswer(question.id, v)}
            />
          ))}
        </section>
      ) : null}

      {savedLater ? <SuccessAlert>{t('campaigns.questionnaire.savedLater')}</SuccessAlert> : null}
      {open ? (
        <div className="d-flex flex-wrap gap-2 mt-4">
          <Button type="submit" color="primary" disabled={submit.isPending}>
            {submit.isPending ? t('campaigns.questionnaire.submitting') : t('campaigns.questionnaire.submit')}
          </Button>
          <Button
            type="button"
            color="primary"
            outline
            onClick={() => {
              void flush().then(() => setSavedLater(!isDirty()));
            }}
          >
            {t('campaigns.questionnaire.saveLater')}
          </Button>
        </div>
      ) : null}
    </form>
  );
}

/** A respondent's questionnaire: the competencies by domain and area, the custom questions, autosave. */
export default function QuestionnairePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const q = useQuestionnaire(id);
  const data = q.data;
  return (
    <Page
      title={data ? local(data.title) : t('campaigns.mine.title')}
      lead={data ? local(data.description) : undefined}
    >
      <p>
        <Link to={MY_CAMPAIGNS_PATH}>{t('campaigns.questionnaire.back')}</Link>
      </p>
      <ErrorAlert error={q.error} />
      {q.isPending ? <Loading /> : null}
      {data ? (
        <>
          <p>{t('campaigns.questionnaire.intro')}</p>
          <p>
            {data.anonymous ? t('campaigns.questionnaire.anonymous') : t('campaigns.questionnaire.named')}
          </p>
          {data.participantStatus === 'submitted' ? (
            <SuccessAlert>
              {data.submittedAt
                ? t('campaigns.questionnaire.submitted', { at: formatDateTime(data.submittedAt) })
                : t('campaigns.questionnaire.submittedNoTime')}
            </SuccessAlert>
          ) : data.status !== 'open' ? (
            <div className="alert alert-warning">{t('campaigns.questionnaire.closed')}</div>
          ) : data.opensOn > romeDate(new Date()) ? (
            <div className="alert alert-info">
              {t('campaigns.questionnaire.notStarted', { day: formatDate(data.opensOn) })}
            </div>
          ) : (
            <>
              <p className="fw-semibold">
                {t('campaigns.questionnaire.deadline', { day: formatDate(data.closesOn) })}
              </p>
              <QuestionnaireForm q={data} />
            </>
          )}
        </>
      ) : null}
    </Page>
  );
}
