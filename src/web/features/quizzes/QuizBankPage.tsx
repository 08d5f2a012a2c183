import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Question, QuestionInput, Quiz } from '../../../common/quizzes';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultsTable } from '../../components/ResultsTable';
import { useQuestionBank, useSaveQuestion, useSaveQuiz } from './api';
import { QuestionForm } from './QuestionForm';
import { QuizForm } from './QuizForm';
import { local } from './text';

/** The input of a question as read, for saving it with one thing changed. */
const inputOf = (q: Question): QuestionInput => ({
  text: q.text,
  content: q.content,
  feedback: q.feedback,
  points: q.points,
  tags: q.tags,
  active: q.active,
});

function QuestionsSection({ pathId, questions }: { pathId: number; questions: Question[] }) {
  const { t } = useTranslation();
  const save = useSaveQuestion(pathId);
  // null: no form open; 0: a new question; otherwise the id of the question being edited.
  const [editing, setEditing] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const current = questions.find((q) => q.id === editing) ?? null;
  const caption = t('quizzes.bank.caption', { count: questions.length });
  const onSave = (input: QuestionInput) =>
    save.mutate(
      { id: editing ? editing : null, input },
      {
        onSuccess: () => {
          setDone(t('quizzes.bank.saved'));
          setEditing(null);
        },
      },
    );
  return (
    <section aria-labelledby="bank-questions" className="mb-5">
      <h2 id="bank-questions" className="h4">
        {t('quizzes.bank.questions')}
      </h2>
      {done ? <SuccessAlert>{done}</SuccessAlert> : null}
      {editing === null ? (
        <Button
          color="primary"
          size="sm"
          className="mb-3"
          onClick={() => {
            save.reset();
            setDone(null);
            setEditing(0);
          }}
        >
          {t('quizzes.bank.add')}
        </Button>
      ) : (
        <QuestionForm
          key={editing}
          initial={current}
          pending={save.isPending}
          error={save.error}
          onSave={onSave}
          onCancel={() => setEditing(null)}
        />
      )}
      <ResultsTable
        hover
        caption={caption}
        columns={[
          t('quizzes.bank.text'),
          t('quizzes.bank.kind'),
          t('quizzes.bank.points'),
          t('quizzes.bank.tags'),
          t('quizzes.bank.status'),
          t('common.actions'),
        ]}
        items={questions}
        empty={t('quizzes.bank.none')}
        row={(q) => (
          <tr key={q.id}>
            <td>{local(q.text)}</td>
            <td>{t(`quizzes.kind.${q.content.kind}`)}</td>
            <td>{q.points}</td>
            <td>{q.tags.join(', ')}</td>
            <td>{q.active ? t('quizzes.bank.active') : t('quizzes.bank.inactive')}</td>
            <td>
              <div className="d-flex flex-wrap gap-2">
                <Button
                  size="xs"
                  color="primary"
                  outline
                  onClick={() => {
                    save.reset();
                    setDone(null);
                    setEditing(q.id);
                  }}
                  aria-label={t('quizzes.bank.editOne', { text: local(q.text) })}
                >
                  {t('common.edit')}
                </Button>
                <Button
                  size="xs"
                  color="secondary"
                  outline
                  disabled={save.isPending}
                  onClick={() =>
                    save.mutate(
                      { id: q.id, input: { ...inputOf(q), active: !q.active } },
                      {
                        onSuccess: () =>
                          setDone(q.active ? t('quizzes.bank.deactivated') : t('quizzes.bank.reactivated')),
                      },
                    )
                  }
                  aria-label={t(q.active ? 'quizzes.bank.deactivateOne' : 'quizzes.bank.reactivateOne', {
                    text: local(q.text),
                  })}
                >
                  {q.active ? t('quizzes.bank.deactivate') : t('quizzes.bank.reactivate')}
                </Button>
              </div>
            </td>
          </tr>
        )}
      />
      {editing === null ? <ErrorAlert error={save.error} /> : null}
    </section>
  );
}

function QuizzesSection({ pathId, quizzes }: { pathId: number; quizzes: Quiz[] }) {
  const { t } = useTranslation();
  const save = useSaveQuiz(pathId);
  const [editing, setEditing] = useState<number | null>(null);
  const [done, setDone] = useState(false);
  const current = quizzes.find((q) => q.id === editing) ?? null;
  const caption = t('quizzes.settings.caption', { count: quizzes.length });
  return (
    <section aria-labelledby="bank-quizzes" className="mb-5">
      <h2 id="bank-quizzes" className="h4">
        {t('quizzes.settings.heading')}
      </h2>
      {done ? <SuccessAlert>{t('quizzes.settings.saved')}</SuccessAlert> : null}
      {editing === null ? (
        <Button
          color="primary"
          size="sm"
          className="mb-3"
          onClick={() => {
            save.reset();
            setDone(false);
            setEditing(0);
          }}
        >
          {t('quizzes.settings.add')}
        </Button>
      ) : (
        <QuizForm
          key={editing}
          initial={current}
          pending={save.isPending}
          error={save.error}
          onSave={(input) =>
            save.mutate(
              { id: editing ? editing : null, input },
              {
                onSuccess: () => {
                  setDone(true);
                  setEditing(null);
                },
              },
            )
          }
          onCancel={() => setEditing(null)}
        />
      )}
      <ResultsTable
        hover
        caption={caption}
        columns={[
          t('quizzes.settings.title'),
          t('quizzes.settings.drawn'),
          t('quizzes.settings.minutes'),
          t('quizzes.settings.passing'),
          t('quizzes.settings.attempts'),
          t('common.actions'),
        ]}
        items={quizzes}
        empty={t('quizzes.settings.none')}
        row={(q) => (
          <tr key={q.id}>
            <td>
              {q.title}
              {q.isFinalTest ? <span className="badge bg-primary ms-2">{t('quizzes.finalTest')}</span> : null}
              {q.active ? null : (
                <span className="badge bg-secondary ms-2">{t('quizzes.bank.inactive')}</span>
              )}
            </td>
            <td>{t('quizzes.settings.drawnOf', { count: q.questionCount, available: q.available })}</td>
            <td>{q.timeLimitMinutes ?? '—'}</td>
            <td>{q.passingPct}%</td>
            <td>{q.maxAttempts ?? t('quizzes.settings.unlimited')}</td>
            <td>
              <Button
                size="xs"
                color="primary"
                outline
                onClick={() => {
                  save.reset();
                  setDone(false);
                  setEditing(q.id);
                }}
                aria-label={t('quizzes.settings.editOne', { title: q.title })}
              >
                {t('common.edit')}
              </Button>
            </td>
          </tr>
        )}
      />
    </section>
  );
}

/** "Domande e test": a path's question bank and quizzes, for catalogue managers and the path's trainers. */
export default function QuizBankPage() {
  const { t } = useTranslation();
  const params = useParams();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const bank = useQuestionBank(valid ? id : null);
  if (!valid || bank.error)
    return (
      <Page title={t('quizzes.bank.title')}>
        <ErrorAlert error={bank.error ?? new Error('invalid id')} />
      </Page>
    );
  if (bank.isPending) return <Loading />;
  return (
    <Page title={t('quizzes.bank.title')} lead={bank.data.pathTitle}>
      <p>
        <Link to={`/amministrazione/catalogo/${id}`}>
          {t('quizzes.bank.back', { title: bank.data.pathTitle })}
        </Link>
      </p>
      <p>{t('quizzes.bank.intro')}</p>
      <QuestionsSection pathId={id} questions={bank.data.questions} />
      <QuizzesSection pathId={id} quizzes={bank.data.quizzes} />
    </Page>
  );
}
