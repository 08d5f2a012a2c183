import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUIZ_FEEDBACK, type Quiz, type QuizFeedback, type QuizInput } from '../../../common/quizzes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckboxField, ChoiceField, TextField } from '../../components/Field';

const numberOrNull = (s: string) => (s.trim() === '' ? null : Number(s));

/** A quiz's settings: how many questions it draws, time, passing score, attempts, feedback, final test. */
export function QuizForm({
  initial,
  pending,
  error,
  onSave,
  onCancel,
}: {
  initial: Quiz | null;
  pending: boolean;
  error: unknown;
  onSave: (input: QuizInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [count, setCount] = useState(String(initial?.questionCount ?? 10));
  const [tags, setTags] = useState(initial?.tags.join(', ') ?? '');
  const [shuffle, setShuffle] = useState(initial?.shuffleOptions ?? true);
  const [minutes, setMinutes] = useState(initial?.timeLimitMinutes ? String(initial.timeLimitMinutes) : '');
  const [passing, setPassing] = useState(String(initial?.passingPct ?? 60));
  const [attempts, setAttempts] = useState(initial?.maxAttempts ? String(initial.maxAttempts) : '');
  const [feedback, setFeedback] = useState<QuizFeedback>(initial?.feedback ?? 'full');
  const [finalTest, setFinalTest] = useState(initial?.isFinalTest ?? false);
  const [active, setActive] = useState(initial?.active ?? true);
  const id = initial ? `quiz-${initial.id}` : 'quiz-new';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave({
      title: title.trim(),
      questionCount: Number(count),
      tags: tags
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      shuffleOptions: shuffle,
      timeLimitMinutes: numberOrNull(minutes),
      passingPct: Number(passing),
      maxAttempts: numberOrNull(attempts),
      feedback,
      isFinalTest: finalTest,
      active,
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="border rounded p-3 mb-4">
      <h3 id={`${id}-title`} className="h5">
        {initial ? t('quizzes.settings.edit', { title: initial.title }) : t('quizzes.settings.new')}
      </h3>
      <TextField
        id={`${id}-name`}
        label={t('quizzes.settings.title')}
        maxLength={200}
        required
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <div className="row g-3">
        <TextField
          className="col-12 col-md-4"
          id={`${id}-count`}
          label={t('quizzes.settings.count')}
          type="number"
          min={1}
          max={100}
          value={count}
          onChange={(e) => setCount(e.target.value)}
        />
        <TextField
          className="col-12 col-md-8"
          id={`${id}-tags`}
          label={t('quizzes.settings.tags')}
          hint={t('quizzes.settings.tagsHint')}
          value={tags}
          onChange={(e) => setTags(e.target.value)}
        />
        <TextField
          className="col-12 col-md-4"
          id={`${id}-minutes`}
          label={t('quizzes.settings.minutes')}
          hint={t('quizzes.settings.minutesHint')}
          type="number"
          min={1}
          max={600}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <TextField
          className="col-12 col-md-4"
          id={`${id}-passing`}
          label={t('quizzes.settings.passing')}
          type="number"
          min={0}
          max={100}
          value={passing}
          onChange={(e) => setPassing(e.target.value)}
        />
        <TextField
          className="col-12 col-md-4"
          id={`${id}-attempts`}
          label={t('quizzes.settings.attempts')}
          hint={t('quizzes.settings.attemptsHint')}
          type="number"
          min={1}
          max={100}
          value={attempts}
          onChange={(e) => setAttempts(e.target.value)}
        />
      </div>
      <ChoiceField
        id={`${id}-feedback`}
        label={t('quizzes.settings.feedback')}
        value={feedback}
        onChange={(e) => setFeedback(e.target.value as QuizFeedback)}
        choices={QUIZ_FEEDBACK.map((f) => ({ value: f, label: t(`quizzes.feedback.${f}`) }))}
      />
      <CheckboxField
        id={`${id}-shuffle`}
        label={t('quizzes.settings.shuffle')}
        checked={shuffle}
        onChange={setShuffle}
      />
      <CheckboxField
        id={`${id}-final`}
        label={t('quizzes.settings.finalTest')}
        checked={finalTest}
        onChange={setFinalTest}
      />
      <CheckboxField
        id={`${id}-active`}
        className="mb-3"
        label={t('quizzes.settings.active')}
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
