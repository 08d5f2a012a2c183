import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { landingPath, safeNext } from './landing';
import { useLogin, useMe } from './session';

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = safeNext(params.get('next'));
  const errors = fieldErrors(login.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (signedIn) => {
          void navigate(next ?? landingPath(signedIn), { replace: true });
        },
      },
    );
  };

  return (
    <Page title={t('login.title')} lead={t('login.lead')}>
      <div className="row">
        <div className="col-12 col-md-8 col-lg-6">
          {me && !login.isSuccess ? (
            <div className="alert alert-info" role="status">
              {t('login.already', { name: me.name })} <Link to={landingPath(me)}>{t('login.continue')}</Link>
            </div>
          ) : null}
          <ErrorAlert error={login.error} />
          <form onSubmit={submit} noValidate>
            <TextField
              id="login-email"
              type="email"
              label={t('login.email')}
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={errors.email}
            />
            <TextField
              id="login-password"
              type="password"
              label={t('login.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={errors.password}
            />
            <div className="d-flex flex-wrap align-items-center gap-3 mt-4">
              <Button type="submit" color="primary" disabled={login.isPending}>
                {login.isPending ? t('login.submitting') : t('login.submit')}
              </Button>
              <Link to="/password-dimenticata">{t('login.forgot')}</Link>
            </div>
          </form>
        </div>
      </div>
    </Page>
  );
}
