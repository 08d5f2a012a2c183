import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { ToggleField } from '../../components/Field';
import { useEditionQuizSettings, useSetEditionQuizSettings } from './api';
import { bankPath } from './text';

/**
 * Whether an edition's final test is the path's online final test: passing it then records the final
 * test as passed for the learner; otherwise the trainer records the result by hand.
 */
export function EditionQuizPanel({ editionId, pathId }: { editionId: number; pathId: number }) {
  const { t } = useTranslation();
  const settings = useEditionQuizSettings(editionId);
  const change = useSetEditionQuizSettings(editionId);
  if (settings.error) return <ErrorAlert error={settings.error} />;
  if (!settings.data) return null;
  return (
    <section aria-labelledby="edition-quiz" className="mb-5">
      <h2 id="edition-quiz" className="h4">
        {t('quizzes.edition.heading')}
      </h2>
      <p>{t('quizzes.edition.intro')}</p>
      <ToggleField
        id="edition-online-final-test"
        label={t('quizzes.edition.toggle')}
        checked={settings.data.onlineFinalTest}
        disabled={change.isPending}
        onChange={(onlineFinalTest) => change.mutate({ onlineFinalTest })}
      />
      {change.isSuccess ? <SuccessAlert>{t('quizzes.edition.saved')}</SuccessAlert> : null}
      <ErrorAlert error={change.error} />
      <p>
        <Link to={bankPath(pathId)}>{t('quizzes.edition.bankLink')}</Link>
      </p>
    </section>
  );
}
