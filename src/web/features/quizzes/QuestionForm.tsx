import { Button } from 'design-react-kit';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  QUESTION_KINDS,
  type Question,
  type QuestionContent,
  type QuestionInput,
  type QuestionKind,
} from '../../../common/quizzes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckboxField, ChoiceField, TextAreaField, TextField } from '../../components/Field';

type Row = { it: string; en: string; correct: boolean };
type Pair = { left: string; right: string };

const letters = 'abcdefghij';
const blankRows = (): Row[] => [
  { it: '', en: '', correct: true },
  { it: '', en: '', correct: false },
];
const blankPairs = (): Pair[] => [
  { left: '', right: '' },
  { left: '', right: '' },
];
const orNull = (s: string) => (s.trim() ? s.trim() : null);

function rowsOf(c: QuestionContent | undefined): Row[] {
  if (c && (c.kind === 'single' || c.kind === 'multiple'))
    return c.options.map((o) => ({ it: o.text.it, en: o.text.en ?? '', correct: o.correct }));
  return blankRows();
}

/** Adds or edits a question of the bank: its kind, texts, answers, feedback, points and tags. */

/** Removes one row of a list (options, pairs); a list keeps at least two. */
function RemoveRow({ disabled, label, onClick }: { disabled: boolean; label: string; onClick: () => void }) {
  return (
    <Button
      type="button"
      size="xs"
      color="secondary"
      outline
      disabled={disabled}
      onClick={onClick}
      aria-label={label}
    >
      ✕
    </Button>
  );
}

/** Adds a row to a list (options, pairs); a list holds at most ten. */
function AddRow({
  disabled,
  onClick,
  children,
}: {
  disabled: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Button type="button" size="sm" color="secondary" outline disabled={disabled} onClick={onClick}>
      {children}
    </Button>
  );
}

export function QuestionForm({
  initial,
  pending,
  error,
  onSave,
  onCancel,
}: {
  initial: Question | null;
  pending: boolean;
  error: unknown;
  onSave: (input: QuestionInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const c = initial?.content;
  const [kind, setKind] = useState<QuestionKind>(c?.kind ?? 'single');
  const [textIt, setTextIt] = useState(initial?.text.it ?? '');
  const [textEn, setTextEn] = useState(initial?.text.en ?? '');
  const [rows, setRows] = useState<Row[]>(rowsOf(c));
  const [truth, setTruth] = useState(c?.kind === 'true_false' ? c.correct : true);
  const [accepted, setAccepted] = useState(c?.kind === 'short_answer' ? c.accepted.join('\n') : '');
  const [pairs, setPairs] = useState<Pair[]>(
    c?.kind === 'matching' ? c.pairs.map((p) => ({ left: p.left.it, right: p.right.it })) : blankPairs(),
  );
  const [feedbackIt, setFeedbackIt] = useState(initial?.feedback?.it ?? '');
  const [feedbackEn, setFeedbackEn] = useState(initial?.feedback?.en ?? '');
  const [points, setPoints] = useState(String(initial?.points ?? 1));
  const [tags, setTags] = useState(initial?.tags.join(', ') ?? '');
  const [active, setActive] = useState(initial?.active ?? true);
  const id = initial ? `question-${initial.id}` : 'question-new';

  const content = (): QuestionContent => {
    switch (kind) {
      case 'single':
      case 'multiple':
        return {
          kind,
          options: rows.map((r, i) => ({
            id: letters[i] ?? `o${i}`,
            text: { it: r.it.trim(), en: orNull(r.en) },
            correct: r.correct,
          })),
        };
      case 'true_false':
        return { kind, correct: truth };
      case 'short_answer':
        return {
          kind,
          accepted: accepted
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean),
        };
      case 'matching':
        return {
          kind,
          pairs: pairs.map((p, i) => ({
            id: `p${i + 1}`,
            left: { it: p.left.trim(), en: null },
            right: { it: p.right.trim(), en: null },
          })),
        };
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave({
      text: { it: textIt.trim(), en: orNull(textEn) },
      content: content(),
      feedback: feedbackIt.trim() ? { it: feedbackIt.trim(), en: orNull(feedbackEn) } : null,
      points: Number(points),
      tags: tags
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      active,
    });
  };

  const setRow = (i: number, patch: Partial<Row>) =>
    setRows(
      rows.map((r, j) =>
        j === i ? { ...r, ...patch } : kind === 'single' && patch.correct ? { ...r, correct: false } : r,
      ),
    );

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="border rounded p-3 mb-4">
      <h3 id={`${id}-title`} className="h5">
        {initial ? t('quizzes.bank.editQuestion') : t('quizzes.bank.newQuestion')}
      </h3>
      <ChoiceField
        id={`${id}-kind`}
        label={t('quizzes.bank.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as QuestionKind)}
        choices={QUESTION_KINDS.map((k) => ({ value: k, label: t(`quizzes.kind.${k}`) }))}
      />
      <TextAreaField
        id={`${id}-text`}
        label={t('quizzes.bank.text')}
        rows={2}
        maxLength={2000}
        required
        value={textIt}
        onChange={(e) => setTextIt(e.target.value)}
      />
      <TextAreaField
        id={`${id}-text-en`}
        label={t('quizzes.bank.textEn')}
        rows={2}
        maxLength={2000}
        value={textEn}
        onChange={(e) => setTextEn(e.target.value)}
      />

      {kind === 'single' || kind === 'multiple' ? (
        <fieldset className="mb-4">
          <legend className="h6">{t('quizzes.bank.options')}</legend>
          <p className="form-text">
            {t(kind === 'single' ? 'quizzes.bank.oneCorrect' : 'quizzes.bank.someCorrect')}
          </p>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
            <div key={i} className="row g-2 align-items-end">
              <TextField
                className="col-12 col-md-5"
                id={`${id}-option-${i}`}
                label={t('quizzes.bank.option', { n: i + 1 })}
                maxLength={500}
                value={r.it}
                onChange={(e) => setRow(i, { it: e.target.value })}
              />
              <TextField
                className="col-12 col-md-4"
                id={`${id}-option-${i}-en`}
                label={t('quizzes.bank.optionEn', { n: i + 1 })}
                maxLength={500}
                value={r.en}
                onChange={(e) => setRow(i, { en: e.target.value })}
              />
              <div className="col-8 col-md-2 mb-4">
                <CheckboxField
                  id={`${id}-option-${i}-correct`}
                  label={t('quizzes.bank.correct', { n: i + 1 })}
                  checked={r.correct}
                  onChange={(v) => setRow(i, { correct: v })}
                />
              </div>
              <div className="col-4 col-md-1 mb-4">
                <RemoveRow
                  disabled={rows.length <= 2}
                  label={t('quizzes.bank.removeOption', { n: i + 1 })}
                  onClick={() => setRows(rows.filter((_, j) => j !== i))}
                />
              </div>
            </div>
          ))}
          <AddRow
            disabled={rows.length >= 10}
            onClick={() => setRows([...rows, { it: '', en: '', correct: false }])}
          >
            {t('quizzes.bank.addOption')}
          </AddRow>
        </fieldset>
      ) : null}

      {kind === 'true_false' ? (
        <fieldset className="mb-4">
          <legend className="h6">{t('quizzes.bank.rightAnswer')}</legend>
          {[true, false].map((v) => (
            <div key={String(v)} className="form-check form-check-inline">
              <input
                type="radio"
                id={`${id}-truth-${v}`}
                name={`${id}-truth`}
                checked={truth === v}
                onChange={() => setTruth(v)}
              />
              <label htmlFor={`${id}-truth-${v}`}>{t(v ? 'quizzes.true' : 'quizzes.false')}</label>
            </div>
          ))}
        </fieldset>
      ) : null}

      {kind === 'short_answer' ? (
        <TextAreaField
          id={`${id}-accepted`}
          label={t('quizzes.bank.accepted')}
          hint={t('quizzes.bank.acceptedHint')}
          rows={3}
          value={accepted}
          onChange={(e) => setAccepted(e.target.value)}
        />
      ) : null}

      {kind === 'matching' ? (
        <fieldset className="mb-4">
          <legend className="h6">{t('quizzes.bank.pairs')}</legend>
          <p className="form-text">{t('quizzes.bank.pairsHint')}</p>
          {pairs.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
            <div key={i} className="row g-2 align-items-end">
              <TextField
                className="col-12 col-md-5"
                id={`${id}-left-${i}`}
                label={t('quizzes.bank.left', { n: i + 1 })}
                maxLength={300}
                value={p.left}
                onChange={(e) =>
                  setPairs(pairs.map((x, j) => (j === i ? { ...x, left: e.target.value } : x)))
                }
              />
              <TextField
                className="col-12 col-md-5"
                id={`${id}-right-${i}`}
                label={t('quizzes.bank.right', { n: i + 1 })}
                maxLength={300}
                value={p.right}
                onChange={(e) =>
                  setPairs(pairs.map((x, j) => (j === i ? { ...x, right: e.target.value } : x)))
                }
              />
              <div className="col-12 col-md-2 mb-4">
                <RemoveRow
                  disabled={pairs.length <= 2}
                  label={t('quizzes.bank.removePair', { n: i + 1 })}
                  onClick={() => setPairs(pairs.filter((_, j) => j !== i))}
                />
              </div>
            </div>
          ))}
          <AddRow disabled={pairs.length >= 10} onClick={() => setPairs([...pairs, { left: '', right: '' }])}>
            {t('quizzes.bank.addPair')}
          </AddRow>
        </fieldset>
      ) : null}

      <TextAreaField
        id={`${id}-feedback`}
        label={t('quizzes.bank.feedback')}
        hint={t('quizzes.bank.feedbackHint')}
        rows={2}
        maxLength={2000}
        value={feedbackIt}
        onChange={(e) => setFeedbackIt(e.target.value)}
      />
      <TextAreaField
        id={`${id}-feedback-en`}
        label={t('quizzes.bank.feedbackEn')}
        rows={2}
        maxLength={2000}
        value={feedbackEn}
        onChange={(e) => setFeedbackEn(e.target.value)}
      />
      <div className="row g-3">
        <TextField
          className="col-12 col-md-3"
          id={`${id}-points`}
          label={t('quizzes.bank.points')}
          type="number"
          min={1}
          max={100}
          value={points}
          onChange={(e) => setPoints(e.target.value)}
        />
        <TextField
          className="col-12 col-md-9"
          id={`${id}-tags`}
          label={t('quizzes.bank.tags')}
          hint={t('quizzes.bank.tagsHint')}
          value={tags}
          onChange={(e) => setTags(e.target.value)}
        />
      </div>
      <CheckboxField
        id={`${id}-active`}
        className="mb-3"
        label={t('quizzes.bank.activeLabel')}
        checked={active}
        onChange={setActive}
      />
      <ErrorAlert error={error} />
      <div className="d-flex gap-2">
        <Button type="submit" color="primary" disabled={pending}>
          {t('common.save')}
        </Button>
        <Button type="button" color="secondary" outline onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
