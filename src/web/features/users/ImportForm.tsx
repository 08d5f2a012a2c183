import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CsvFileField, RowErrorsTable, UploadButton, useCsvFile } from '../../components/CsvUpload';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChoiceField } from '../../components/Field';
import { useReference } from '../units/api';
import { useImport } from './api';
import type { UnitOption } from './unitOptions';

export function ImportForm({ units, restricted }: { units: UnitOption[]; restricted: boolean }) {
  const { t } = useTranslation();
  const upload = useImport();
  const reference = useReference();
  const file = useCsvFile();
  const [unitId, setUnitId] = useState(restricted && units.length > 0 ? String(units[0]?.id) : '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const chosen = file.take();
    if (!chosen) return;
    upload.mutate({ file: chosen, unitId: unitId ? Number(unitId) : null });
  };

  const report = upload.data;
  return (
    <section aria-labelledby="import-title" className="mb-5">
      <h2 id="import-title" className="h3">
        {t('import.title')}
      </h2>
      <p>{t('import.lead')}</p>
      <p className="mb-1">{t('import.example')}</p>
      <pre className="officina-mail-text mb-3">
        {'email,name,unit_istat_code,job_profile_code\nmario.rossi@provincia.example.it,Mario Rossi,004,\n'}
      </pre>
      <details className="officina-details mb-3">
        <summary>{t('import.jobProfiles')}</summary>
        <ul className="mt-2">
          {(reference.data?.jobProfiles ?? []).map((p) => (
            <li key={p.code}>
              <span className="font-monospace">{p.code}</span> — {p.name}
            </li>
          ))}
        </ul>
      </details>
      <ErrorAlert error={upload.error} />
      <form onSubmit={submit} noValidate>
        <div className="row align-items-end">
          <div className="col-12 col-md-6">
            <CsvFileField id="import-file" file={file} />
          </div>
          <div className="col-12 col-md-6">
            <ChoiceField
              id="import-unit"
              label={t('import.defaultUnit')}
              value={unitId}
              onChange={(e) => setUnitId(e.target.value)}
              hint={t('import.defaultUnitHint')}
              empty={restricted ? undefined : t('import.noDefaultUnit')}
              choices={units.map((u) => ({ value: String(u.id), label: u.name }))}
            />
          </div>
        </div>
        <UploadButton pending={upload.isPending} />
      </form>
      {report ? (
        <div className="mt-4" role="status">
          <p className="fw-semibold">
            {t('import.summary', { created: report.created, failed: report.failed })}
          </p>
          <RowErrorsTable
            errors={report.errors}
            extra={{
              header: t('users.email'),
              cell: (err) => err.email ?? '—',
              key: (err) => err.email ?? '',
            }}
          />
        </div>
      ) : null}
    </section>
  );
}
