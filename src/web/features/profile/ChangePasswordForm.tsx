import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import { api, resetCsrf } from '../../api/client';
import { ErrorAlert, fieldErrors, SuccessAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { checkNewPassword, type NewPasswordErrors, NewPasswordFields } from '../auth/NewPasswordFields';
import { ME_KEY } from '../auth/session';

export function ChangePasswordForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<NewPasswordErrors>({});
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api<{ ok: true }>(apiUrl(apiRoutes.auth.myPassword), { method: 'POST', body }),
    onSuccess: () => {
      // The server may rotate the session when the password changes.
      resetCsrf();
      void client.invalidateQueries({ queryKey: ME_KEY });
      setCurrent('');
      setPassword('');
      setConfirm('');
    },
  });
  const serverErrors = fieldErrors(change.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = checkNewPassword(password, confirm, t, email);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    change.mutate({ currentPassword: current, newPassword: password });
  };

  return (
    <Panel title={t('profile.changePassword')}>
      <ErrorAlert error={change.error} />
      {change.isSuccess ? <SuccessAlert>{t('profile.passwordChanged')}</SuccessAlert> : null}
      <form onSubmit={submit} noValidate>
        <TextField
          id="pw-current"
          type="password"
          label={t('profile.currentPassword')}
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={serverErrors.currentPassword}
        />
        <NewPasswordFields
          idPrefix="pw"
          password={password}
          confirm={confirm}
          onPassword={setPassword}
          onConfirm={setConfirm}
          errors={{ password: errors.password ?? serverErrors.newPassword, confirm: errors.confirm }}
        />
        <Button type="submit" color="primary" className="mt-3" disabled={change.isPending}>
          {t('profile.changePasswordSubmit')}
        </Button>
      </form>
    </Panel>
  );
}
