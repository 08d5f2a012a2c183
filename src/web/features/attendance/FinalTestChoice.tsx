import { useTranslation } from 'react-i18next';

/**
 * A final test's result as two radio buttons (passed / not passed), saved as soon as one is chosen.
 * Neither is checked while no result is recorded. Never disabled while saving: the focus would be lost.
 */
export function FinalTestChoice({
  enrolmentId,
  name,
  value,
  onChange,
}: {
  enrolmentId: number;
  name: string;
  value: boolean | null;
  onChange: (passed: boolean) => void;
}) {
  const { t } = useTranslation();
  const id = (v: string) => `final-test-${enrolmentId}-${v}`;
  return (
    <fieldset>
      <legend className="visually-hidden">{t('matrix.finalTestOf', { name })}</legend>
      {([true, false] as const).map((passed) => (
        <div key={String(passed)} className="form-check mb-0">
          <input
            type="radio"
            id={id(String(passed))}
            name={id('choice')}
            checked={value === passed}
            onChange={() => onChange(passed)}
          />
          <label htmlFor={id(String(passed))} className="text-nowrap">
            {passed ? t('matrix.passed') : t('matrix.failed')}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
