import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport, ProfileExpectationsView } from '../../../common/profiles';
import { ApiError } from '../../api/client';
import { CsvFileField, UploadButton, useCsvFile } from '../../components/CsvUpload';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { exportUrl, useImportLevels } from './api';

/** The levels of the scope in view as a CSV file, and a file of levels to apply (all rows or none). */
export function ProfileCsv({ view }: { view: ProfileExpectationsView }) {
  const { t } = useTranslation();
  const file = useCsvFile();
  const upload = useImportLevels();
  const [report, setReport] = useState<ImportReport | null>(null);
  const unit = view.unit?.id ?? null;
  const editable = unit === null ? view.canEditNational : view.canEditUnit;
  const problems = upload.error instanceof ApiError ? upload.error.details : [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const chosen = file.take();
    if (!chosen) return;
    setReport(null);
    upload.mutate({ code: view.jobProfile.code, unit, file: chosen }, { onSuccess: setReport });
  };

  return (
    <section aria-labelledby="profiles-csv" className="mt-5">
      <h2 id="profiles-csv" className="h3">
        {t('profiles.csvTitle')}
      </h2>
      <p>{t('profiles.csvHelp')}</p>
      <p>
        <a className="btn btn-outline-primary" href={exportUrl(view.jobProfile.code, unit)} download>
          {unit === null ? t('profiles.exportNational') : t('profiles.exportUnit')}
        </a>
      </p>
      {editable ? (
        <form onSubmit={submit} noValidate>
          <CsvFileField id="profiles-file" file={file} />
          <ErrorAlert error={upload.error} />
          {problems.length ? (
            <ul className="text-danger">
              {problems.map((p) => (
                <li key={p.path}>{p.message}</li>
              ))}
            </ul>
          ) : null}
          {report ? (
            <SuccessAlert>
              {t('profiles.imported', {
                set: report.set,
                removed: report.removed,
                unchanged: report.unchanged,
              })}
            </SuccessAlert>
          ) : null}
          <UploadButton pending={upload.isPending} />
        </form>
      ) : null}
    </section>
  );
}
