import { useTranslation } from 'react-i18next';
import type { CampaignQuestion, Questionnaire } from '../../../common/campaigns';
import { local } from './labels';

type Competency = Questionnaire['domains'][number]['areas'][number]['competencies'][number];
export type LevelValue = number | 'na';
export type AnswerValue = string | number | number[];

/** The id of the first control of a competency's or a question's group, for the error links. */
export const levelFieldId = (competencyId: number) => `level-${competencyId}-0`;
export const questionFieldId = (q: CampaignQuestion) =>
  q.kind === 'text' ? `question-${q.id}` : `question-${q.id}-${q.kind === 'scale' ? 1 : 0}`;

function ErrorText({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <div id={id} className="invalid-feedback d-block">
      {error}
    </div>
  ) : null;
}

/**
 * One competency: a radio group whose legend is the competency's name, each option with its level's
 * behavioural description, plus "none" (0) and "not applicable".
 */
export function CompetencyGroup({
  competency: c,
  value,
  error,
  disabled,
  onChange,
}: {
  competency: Competency;
  value: LevelValue | undefined;
  error: string | undefined;
  disabled: boolean;
  onChange: (v: LevelValue) => void;
}) {
  const { t } = useTranslation();
  const name = `level-${c.id}`;
  const options: { v: LevelValue; key: string; text: string }[] = [
    { v: 0, key: '0', text: t('campaigns.levelNone') },
    { v: 1, key: '1', text: local(c.levels.base) },
    { v: 2, key: '2', text: local(c.levels.intermedio) },
    { v: 3, key: '3', text: local(c.levels.avanzato) },
    { v: 'na', key: 'na', text: t('campaigns.levelNa') },
  ];
  return (
    <fieldset
      className="officina-competency border-top pt-3 mb-4"
      aria-describedby={`${name}-desc${error ? ` ${name}-error` : ''}`}
    >
      <legend className="h6 mb-1">{local(c.name)}</legend>
      <p id={`${name}-desc`} className="small text-secondary mb-2">
        {local(c.description)}
      </p>
      <ErrorText id={`${name}-error`} error={error} />
      {options.map((o, i) => {
        const id = i === 0 ? levelFieldId(c.id) : `${name}-${o.key}`;
        return (
          <div key={o.key} className="form-check mb-2">
            <input
              type="radio"
              id={id}
              name={name}
              checked={value === o.v}
              disabled={disabled}
              aria-invalid={error ? true : undefined}
              onChange={() => onChange(o.v)}
            />
            <label htmlFor={id} className="officina-level-label">
              <strong>{t(`campaigns.levels.${o.key}`)}</strong>
              <span className="d-block small fw-normal">{o.text}</span>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** A custom question: free text, one choice, several choices or a 1..5 scale. */
export function QuestionField({
  question: q,
  value,
  error,
  disabled,
  onChange,
}: {
  question: CampaignQuestion;
  value: AnswerValue | undefined;
  error: string | undefined;
  disabled: boolean;
  onChange: (v: AnswerValue) => void;
}) {
  const { t } = useTranslation();
  const label = `${local(q.prompt)}${q.required ? ` ${t('campaigns.questionnaire.requiredMark')}` : ''}`;
  const errorId = `question-${q.id}-error`;
  if (q.kind === 'text')
    return (
      <div className="form-group">
        <label htmlFor={questionFieldId(q)} className="active">
          {label}
        </label>
        <textarea
          id={questionFieldId(q)}
          className={`form-control${error ? ' is-invalid' : ''}`}
          rows={3}
          maxLength={4000}
          value={typeof value === 'string' ? value : ''}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        <ErrorText id={errorId} error={error} />
      </div>
    );
  const choices =
    q.kind === 'scale'
      ? [1, 2, 3, 4, 5].map((n) => ({ v: n, label: String(n) }))
      : q.options.map((o, i) => ({ v: i, label: local(o) }));
  const chosen = (n: number) => (Array.isArray(value) ? value.includes(n) : value === n);
  return (
    <fieldset className="mb-4" aria-describedby={error ? errorId : undefined}>
      <legend className="h6">{label}</legend>
      {q.kind === 'scale' ? (
        <p className="small mb-2">
          {t('campaigns.questionnaire.scaleLow')} · {t('campaigns.questionnaire.scaleHigh')}
        </p>
      ) : null}
      <ErrorText id={errorId} error={error} />
      <div className={q.kind === 'scale' ? 'd-flex flex-wrap gap-3' : ''}>
        {choices.map((c) => {
          const id = `question-${q.id}-${c.v}`;
          const multiple = q.kind === 'multiple';
          return (
            <div key={c.v} className={`form-check ${q.kind === 'scale' ? 'form-check-inline' : ''} mb-2`}>
              <input
                type={multiple ? 'checkbox' : 'radio'}
                id={id}
                name={`question-${q.id}`}
                checked={chosen(c.v)}
                disabled={disabled}
                aria-invalid={error ? true : undefined}
                onChange={(e) => {
                  if (!multiple) return onChange(c.v);
                  const current = Array.isArray(value) ? value : [];
                  onChange(
                    e.target.checked
                      ? [...current, c.v].sort((a, b) => a - b)
                      : current.filter((x) => x !== c.v),
                  );
                }}
              />
              <label htmlFor={id}>{c.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
