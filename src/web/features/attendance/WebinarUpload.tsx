import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebinarReport } from '../../../common/attendance';
import { CsvFileField, RowErrorsTable, UploadButton, useCsvFile } from '../../components/CsvUpload';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ResultsTable } from '../../components/ResultsTable';
import { useWebinarReport } from './api';

function ReportTables({ report }: { report: WebinarReport }) {
  const { t } = useTranslation();
  return (
    <>
      {report.unmatched.length > 0 ? (
        <ResultsTable
          caption={t('webinar.unmatchedCaption', { count: report.unmatched.length })}
          columns={[t('import.row'), t('webinar.name'), t('webinar.email'), t('webinar.reason')]}
          items={report.unmatched}
          empty=""
          row={(u) => (
            <tr key={`${u.row}-${u.email}`}>
              <th scope="row">{u.row}</th>
              <td>{u.name || '—'}</td>
              <td className="text-break">{u.email || '—'}</td>
              <td>{u.message}</td>
            </tr>
          )}
        />
      ) : null}
      <RowErrorsTable errors={report.errors} />
    </>
  );
}

/** A video platform's participants report (CSV) turned into minutes, with what could not be matched. */
export function WebinarUpload({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation();
  const file = useCsvFile();
  const upload = useWebinarReport(sessionId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const chosen = file.take();
    if (chosen) upload.mutate(chosen);
  };
  const report = upload.data;
  return (
    <div>
      <p>{t('webinar.help')}</p>
      <form onSubmit={submit} noValidate aria-label={t('webinar.formLabel')}>
        <CsvFileField id="webinar-file" file={file} />
        <UploadButton pending={upload.isPending} />
      </form>
      <ErrorAlert error={upload.error} className="mt-3" />
      <div role="status">
        {report ? (
          <p className="alert alert-success mt-3">
            {t('webinar.summary', {
              recorded: report.recorded,
              unmatched: report.unmatched.length,
              errors: report.errors.length,
            })}
          </p>
        ) : null}
      </div>
      {report ? <ReportTables report={report} /> : null}
    </div>
  );
}
