import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import type { QuestionKind } from '../../../common/assessment';
import { QUESTION_KINDS } from '../../../common/assessment';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field';

/** A question as the form holds it: options as lines "italiano | english". */
export type QuestionDraft = {
  kind: QuestionKind;
  promptIt: string;
  promptEn: string;
  options: string;
  required: boolean;
};

export const newQuestion = (): QuestionDraft => ({
  kind: 'text',
  promptIt: '',
  promptEn: '',
  options: '',
  required: false,
});

/** "Aula | Classroom" lines as bilingual options (the English defaults to the Italian). */
export function parseOptions(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [it = '', en = ''] = l.split('|').map((s) => s.trim());
      return { it, en: en || it };
    });
}

/** The custom questions of a draft campaign: add, change, reorder and remove. */
export function QuestionsEditor({
  value,
  onChange,
  errors,
}: {
  value: QuestionDraft[];
  onChange: (v: QuestionDraft[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<QuestionDraft>) =>
    onChange(value.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  return (
    <fieldset className="mt-4">
      <legend className="h5">{t('campaigns.form.questions')}</legend>
      {value.length === 0 ? <p>{t('campaigns.form.noQuestions')}</p> : null}
      {value.map((q, i) => {
        const n = i + 1;
        const choice = q.kind === 'single' || q.kind === 'multiple';
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: questions have no id until saved; their place is their identity
          <fieldset key={i} className="border rounded p-3 mb-3">
            <legend className="h6 float-none w-auto px-1">{t('campaigns.form.question', { n })}</legend>
            <div className="row">
              <div className="col-12 col-md-4">
                <SelectField
                  id={`question-${i}-kind`}
                  label={t('campaigns.form.questionKind')}
                  value={q.kind}
                  onChange={(e) => set(i, { kind: e.target.value as QuestionKind })}
                >
                  {QUESTION_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`campaigns.form.kinds.${k}`)}
                    </option>
                  ))}
                </SelectField>
              </div>
              <div className="col-12 col-md-8">
                <TextField
                  id={`question-${i}-it`}
                  label={t('campaigns.form.promptIt')}
                  value={q.promptIt}
                  maxLength={500}
                  required
                  error={errors[`questions.${i}.prompt.it`]}
                  onChange={(e) => set(i, { promptIt: e.target.value })}
                />
                <TextField
                  id={`question-${i}-en`}
                  label={t('campaigns.form.promptEn')}
                  value={q.promptEn}
                  maxLength={500}
                  required
                  error={errors[`questions.${i}.prompt.en`]}
                  onChange={(e) => set(i, { promptEn: e.target.value })}
                />
              </div>
            </div>
            {choice ? (
              <TextAreaField
                id={`question-${i}-options`}
                label={t('campaigns.form.options')}
                hint={t('campaigns.form.optionsHint')}
                rows={3}
                value={q.options}
                error={errors[`questions.${i}.options`]}
                onChange={(e) => set(i, { options: e.target.value })}
              />
            ) : null}
            <CheckboxField
              id={`question-${i}-required`}
              label={t('campaigns.form.required')}
              checked={q.required}
              onChange={(required) => set(i, { required })}
            />
            <div className="d-flex gap-2 mt-2">
              {i > 0 ? (
                <Button
                  size="xs"
                  color="primary"
                  outline
                  type="button"
                  onClick={() => {
                    const next = [...value];
                    [next[i - 1], next[i]] = [next[i] as QuestionDraft, next[i - 1] as QuestionDraft];
                    onChange(next);
                  }}
                >
                  {t('campaigns.form.moveUp', { n })}
                </Button>
              ) : null}
              <Button
                size="xs"
                color="danger"
                outline
                type="button"
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              >
                {t('campaigns.form.removeQuestion', { n })}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <Button type="button" color="primary" outline onClick={() => onChange([...value, newQuestion()])}>
        {t('campaigns.form.addQuestion')}
      </Button>
    </fieldset>
  );
}
