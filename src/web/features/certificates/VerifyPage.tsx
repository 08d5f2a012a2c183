import { Button } from 'design-react-kit';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { normaliseCode, type PublicCertificate } from '../../../common/certificates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { focusFirstInvalid, TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { dateWords } from '../training/labels';
import { usePublicCertificate, verifyPath } from './api';
import { hoursText } from './labels';

/**
 * What the page tells anyone about a certificate: its state, whose it is, for what, when, how many hours,
 * and for a revoked one when and why.
 */
function Result({ certificate: c }: { certificate: PublicCertificate }) {
  const { t } = useTranslation();
  const valid = c.status === 'valid';
  const reason = valid ? '' : (c.revokeReason ?? '').trim();
  return (
    <div className={`alert ${valid ? 'alert-success' : 'alert-danger'}`}>
      <h2 className="h4">
        {valid
          ? t('verify.valid')
          : c.revokedAt
            ? t('verify.revokedOn', dateWords(formatDate(c.revokedAt)))
            : t('verify.revoked')}
      </h2>
      <dl className="row mb-0">
        <dt className="col-sm-4">{t('verify.code')}</dt>
        <dd className="col-sm-8">
          <code>{c.code}</code>
        </dd>
        <dt className="col-sm-4">{t('verify.holder')}</dt>
        <dd className="col-sm-8">{c.holderName}</dd>
        <dt className="col-sm-4">{t('verify.path')}</dt>
        <dd className="col-sm-8">{c.pathTitle}</dd>
        <dt className="col-sm-4">{t('verify.completedOn')}</dt>
        <dd className="col-sm-8">{formatDate(c.completedOn)}</dd>
        <dt className="col-sm-4">{t('verify.hours')}</dt>
        <dd className={`col-sm-8${reason ? '' : ' mb-0'}`}>{hoursText(c.hours, t)}</dd>
        {reason ? (
          <>
            <dt className="col-sm-4">{t('verify.revokeReason')}</dt>
            <dd className="col-sm-8 mb-0 officina-pre">{reason}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}

/** Public check of a certificate's verification code (the QR code on the PDF leads here); no sign-in. */
export default function VerifyPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code ?? '');
  const [error, setError] = useState<string | undefined>();
  const result = usePublicCertificate(code ?? null);
  // Following another verification link keeps this page mounted: show that link's code in the field.
  useEffect(() => setTyped(code ?? ''), [code]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const canonical = normaliseCode(typed);
    if (!canonical) {
      setError(t('verify.badCode'));
      focusFirstInvalid();
      return;
    }
    setError(undefined);
    setTyped(canonical);
    void navigate(verifyPath(canonical));
  };

  return (
    <Page title={t('verify.title')} lead={t('verify.lead')} description={t('verify.description')}>
      <div aria-live="polite" className="mb-4">
        {code && result.isPending ? <Loading /> : null}
        {code ? <ErrorAlert error={result.error} /> : null}
        {code && result.data ? <Result certificate={result.data} /> : null}
      </div>
      <form onSubmit={submit} noValidate aria-label={t('verify.formLabel')} className="officina-filters">
        <div className="row align-items-end">
          <div className="col-12 col-md-8 col-lg-6">
            <TextField
              id="verify-code"
              label={t('verify.code')}
              hint={t('verify.hint')}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              error={error}
            />
          </div>
          <div className="col-12 col-md-4 col-lg-3 mb-3">
            <Button type="submit" color="primary">
              {t('verify.submit')}
            </Button>
          </div>
        </div>
      </form>
    </Page>
  );
}
