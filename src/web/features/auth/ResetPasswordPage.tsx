import { useMutation } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import { api } from '../../api/client';
import { ErrorAlert, fieldErrors, SuccessAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { checkNewPassword, type NewPasswordErrors, NewPasswordFields } from './NewPasswordFields';

/** Chooses a new password from a reset link, or the first one from an invitation (…&invito=1). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const invitation = params.get('invito') === '1';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<NewPasswordErrors>({});
  const confirmReset = useMutation({
    mutationFn: (body: { token: string; password: string }) =>
      api<{ ok: true }>(apiUrl(apiRoutes.auth.passwordResetConfirm), { method: 'POST', body }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = checkNewPassword(password, confirm, t);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    confirmReset.mutate({ token, password });
  };

  const serverErrors = fieldErrors(confirmReset.error);
  const title = invitation ? t('reset.inviteTitle') : t('reset.title');
  return (
    <Page title={title} lead={invitation ? t('reset.inviteLead') : t('reset.lead')}>
      <div className="row">
        <div className="col-12 col-md-8 col-lg-6">
          {!token ? (
            <div className="alert alert-danger" role="alert">
              {t('reset.missingToken')} <Link to="/password-dimenticata">{t('reset.askAgain')}</Link>
            </div>
          ) : confirmReset.isSuccess ? (
            <>
              <SuccessAlert>{invitation ? t('reset.inviteDone') : t('reset.done')}</SuccessAlert>
              <Link className="btn btn-primary" to="/accedi">
                {t('login.submit')}
              </Link>
            </>
          ) : (
            <>
              <ErrorAlert error={confirmReset.error} />
              {confirmReset.error ? (
                <p>
                  <Link to="/password-dimenticata">{t('reset.askAgain')}</Link>
                </p>
              ) : null}
              <form onSubmit={submit} noValidate>
                <NewPasswordFields
                  idPrefix="reset"
                  password={password}
                  confirm={confirm}
                  onPassword={setPassword}
                  onConfirm={setConfirm}
                  errors={{ password: errors.password ?? serverErrors.password, confirm: errors.confirm }}
                />
                <Button type="submit" color="primary" className="mt-4" disabled={confirmReset.isPending}>
                  {invitation ? t('reset.inviteSubmit') : t('reset.submit')}
                </Button>
              </form>
            </>
          )}
        </div>
      </div>
    </Page>
  );
}
