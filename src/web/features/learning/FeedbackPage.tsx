import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  FEEDBACK_ITEMS,
  type FeedbackBody,
  type FeedbackDue,
  type FeedbackItemKey,
  LEARNER_AREA_PATH,
} from '../../../common/learning';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { focusFirstInvalid, TextAreaField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { currentLanguage } from '../../i18n';
import { dateWords } from '../training/labels';
import { useFeedbackDue, useSendFeedback } from './api';

const RATINGS = [1, 2, 3, 4, 5] as const;
type Answers = Partial<Record<FeedbackItemKey, number>>;

/** One item rated 1 to 5: a radio group in a fieldset whose legend is the item. */
function RatingGroup({
  item,
  value,
  error,
  onChange,
}: {
  item: (typeof FEEDBACK_ITEMS)[number];
  value: number | undefined;
  error: string | undefined;
  onChange: (n: number) => void;
}) {
  const { t } = useTranslation();
  const id = `feedback-${item.key}`;
  return (
    <fieldset className="mb-4" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="h6">{currentLanguage() === 'en' ? item.en : item.it}</legend>
      <div className="d-flex flex-wrap gap-3">
        {RATINGS.map((n) => (
          <div key={n} className="form-check form-check-inline mb-0">
            <input
              type="radio"
              id={`${id}-${n}`}
              name={id}
              value={n}
              checked={value === n}
              aria-invalid={error ? true : undefined}
              onChange={() => onChange(n)}
            />
            <label htmlFor={`${id}-${n}`}>{t(`feedback.rating.${n}`)}</label>
          </div>
        ))}
      </div>
      {error ? (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}

function FeedbackForm({ due }: { due: FeedbackDue }) {
  const { t } = useTranslation();
  const send = useSendFeedback(due.enrolmentId);
  const [answers, setAnswers] = useState<Answers>({});
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    for (const item of FEEDBACK_ITEMS)
      if (answers[item.key] === undefined) problems[item.key] = t('feedback.choose');
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      focusFirstInvalid();
      return;
    }
    const body: FeedbackBody = {
      answers: answers as FeedbackBody['answers'],
      comment: comment.trim() ? comment.trim() : null,
    };
    send.mutate(body);
  };
  if (send.isSuccess)
    return (
      <>
        <SuccessAlert>{t('feedback.thanks')}</SuccessAlert>
        <Link to={LEARNER_AREA_PATH}>{t('learning.back')}</Link>
      </>
    );
  return (
    <form onSubmit={submit} noValidate aria-label={t('feedback.formLabel')}>
      <p>{t('feedback.scale')}</p>
      {FEEDBACK_ITEMS.map((item) => (
        <RatingGroup
          key={item.key}
          item={item}
          value={answers[item.key]}
          error={errors[item.key]}
          onChange={(n) => setAnswers({ ...answers, [item.key]: n })}
        />
      ))}
      <TextAreaField
        id="feedback-comment"
        label={t('feedback.comment')}
        hint={t('feedback.commentHint')}
        maxLength={2000}
        rows={4}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <ErrorAlert error={send.error} />
      <Button type="submit" color="primary" disabled={send.isPending}>
        {t('feedback.send')}
      </Button>
    </form>
  );
}

/** The satisfaction questionnaire of one of the learner's editions, once it is over; answers are anonymous. */
export default function FeedbackPage() {
  const { t } = useTranslation();
  const params = useParams();
  const enrolmentId = Number(params.enrolmentId);
  const due = useFeedbackDue();
  // Kept once found: after sending, the questionnaire leaves the list of those due.
  const [found, setFound] = useState<FeedbackDue | null>(null);
  const current = due.data?.find((d) => d.enrolmentId === enrolmentId) ?? null;
  if (current && found?.enrolmentId !== current.enrolmentId) setFound(current);
  const item = found ?? current;
  if (due.isPending) return <Loading />;
  return (
    <Page
      title={t('feedback.title')}
      lead={
        item
          ? `${item.pathTitle} — ${item.editionTitle}, ${t('training.fromTo', dateWords(formatDate(item.startsOn), formatDate(item.endsOn)))}`
          : undefined
      }
    >
      <ErrorAlert error={due.error} />
      {item ? (
        <>
          <p>{t('feedback.anonymous')}</p>
          <FeedbackForm due={item} />
        </>
      ) : due.data ? (
        <>
          <div className="alert alert-info" role="status">
            {t('feedback.notDue')}
          </div>
          <Link to={LEARNER_AREA_PATH}>{t('learning.back')}</Link>
        </>
      ) : null}
    </Page>
  );
}
