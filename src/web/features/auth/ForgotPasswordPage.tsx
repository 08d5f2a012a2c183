import { useMutation } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import { api } from '../../api/client';
import { ErrorAlert, fieldErrors, SuccessAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const request = useMutation({
    mutationFn: (body: { email: string }) =>
      api<{ ok: true }>(apiUrl(apiRoutes.auth.passwordReset), { method: 'POST', body }),
  });
  const errors = fieldErrors(request.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    request.mutate({ email: email.trim() });
  };

  return (
    <Page title={t('forgot.title')} lead={t('forgot.lead')}>
      <div className="row">
        <div className="col-12 col-md-8 col-lg-6">
          {request.isSuccess ? (
            // The same answer whether or not the address has an account: no way to probe for users.
            <SuccessAlert>{t('forgot.sent')}</SuccessAlert>
          ) : (
            <>
              <ErrorAlert error={request.error} />
              <form onSubmit={submit} noValidate>
                <TextField
                  id="forgot-email"
                  type="email"
                  label={t('login.email')}
                  autoComplete="email"
                  required
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                  error={errors.email}
                />
                <Button type="submit" color="primary" className="mt-4" disabled={request.isPending}>
                  {t('forgot.submit')}
                </Button>
              </form>
            </>
          )}
          <p className="mt-4">
            <Link to="/accedi">{t('forgot.back')}</Link>
          </p>
        </div>
      </div>
    </Page>
  );
}
