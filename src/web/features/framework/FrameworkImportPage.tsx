import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { UploadButton } from '../../components/CsvUpload';
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { useImportFramework } from './api';
import { FRAMEWORK_PATH, versionPath } from './paths';

const COLUMNS =
  'domain,area_code,area_name_it,area_name_en,competency_code,competency_name_it,competency_name_en,description_it,description_en,keywords,level_base_it,level_base_en,level_intermedio_it,level_intermedio_en,level_avanzato_it,level_avanzato_en';

/** The problems the server found in the file, each with its row and column (CSV) or path (JSON). */
function Problems({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError) || error.code !== 'INVALID_FRAMEWORK_FILE' || !error.details.length)
    return null;
  return (
    <section aria-labelledby="import-problems" className="mt-3 mb-4">
      <h2 id="import-problems" className="h5">
        {t('framework.importProblems')}
      </h2>
      <ul>
        {error.details.map((d) => (
          <li key={d.path + d.message}>{d.message}</li>
        ))}
      </ul>
    </section>
  );
}

export default function FrameworkImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const upload = useImportFramework();
  const input = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState(false);
  const [version, setVersion] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    setMissing(!file);
    if (file) upload.mutate({ file, version }, { onSuccess: (tree) => void navigate(versionPath(tree.id)) });
  };
  return (
    <Page title={t('framework.importTitle')} lead={t('framework.importLead')}>
      <p>
        <Link to={FRAMEWORK_PATH}>{t('framework.back')}</Link>
      </p>
      <section aria-labelledby="import-format" className="mb-4">
        <h2 id="import-format" className="h4">
          {t('framework.importFormat')}
        </h2>
        <ul>
          <li>{t('framework.importRules.json')}</li>
          <li>{t('framework.importRules.csv')}</li>
          <li>{t('framework.importRules.check')}</li>
          <li>{t('framework.importRules.draft')}</li>
        </ul>
        <p className="mb-1">{t('framework.importColumns')}</p>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide example scrolls sideways on phones */}
        <pre className="officina-mail-text mb-3" tabIndex={0}>
          {COLUMNS}
        </pre>
      </section>
      <ErrorAlert error={upload.error} />
      <Problems error={upload.error} />
      <form onSubmit={submit} noValidate>
        <div className="form-group">
          <label htmlFor="framework-file" className="active">
            {t('framework.file')}
          </label>
          <input
            ref={input}
            id="framework-file"
            type="file"
            accept=".json,.csv,application/json,text/csv"
            className={`form-control${missing ? ' is-invalid' : ''}`}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? 'framework-file-error' : undefined}
            onChange={() => setMissing(false)}
          />
          {missing ? (
            <div id="framework-file-error" className="invalid-feedback d-block">
              {t('framework.chooseFile')}
            </div>
          ) : null}
        </div>
        <TextField
          id="framework-version"
          label={t('framework.versionLabel')}
          hint={t('framework.versionHint')}
          error={fieldErrors(upload.error).version}
          value={version}
          maxLength={40}
          onChange={(e) => setVersion(e.target.value)}
        />
        <UploadButton pending={upload.isPending} />
      </form>
    </Page>
  );
}
