import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN, passwordProblems } from '../../../common/password';
import { TextField } from '../../components/Field';

export type NewPasswordErrors = { password?: string; confirm?: string };

/** Client-side check of the shared password policy, so the user learns before submitting. */
export function checkNewPassword(
  password: string,
  confirm: string,
  t: (key: string, opts?: Record<string, unknown>) => string,
  email?: string,
): NewPasswordErrors {
  const errors: NewPasswordErrors = {};
  const problems = passwordProblems(password, email);
  if (problems.length)
    errors.password = problems.map((p) => t(`password.problems.${p}`, { min: PASSWORD_MIN })).join(' ');
  if (password !== confirm) errors.confirm = t('password.mismatch');
  return errors;
}

export function NewPasswordFields({
  idPrefix,
  password,
  confirm,
  onPassword,
  onConfirm,
  errors,
}: {
  idPrefix: string;
  password: string;
  confirm: string;
  onPassword: (v: string) => void;
  onConfirm: (v: string) => void;
  errors: NewPasswordErrors;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={`${idPrefix}-password`}
        type="password"
        label={t('password.new')}
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        hint={t('password.policy', { min: PASSWORD_MIN })}
        error={errors.password}
      />
      <TextField
        id={`${idPrefix}-confirm`}
        type="password"
        label={t('password.confirm')}
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(e) => onConfirm(e.target.value)}
        error={errors.confirm}
      />
    </>
  );
}
