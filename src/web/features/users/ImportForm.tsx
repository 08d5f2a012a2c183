import { Button, Table } from 'design-react-kit';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/Field';
import { TableScroll } from '../../components/TableScroll';
import { useReference } from '../units/api';
import { useImport } from './api';
import type { UnitOption } from './unitOptions';

export function ImportForm({ units, restricted }: { units: UnitOption[]; restricted: boolean }) {
  const { t } = useTranslation();
  const upload = useImport();
  const reference = useReference();
  const fileInput = useRef<HTMLInputElement>(null);
  const [unitId, setUnitId] = useState(restricted && units.length > 0 ? String(units[0]?.id) : '');
  const [missingFile, setMissingFile] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const file = fileInput.current?.files?.[0];
    setMissingFile(!file);
    if (!file) return;
    upload.mutate({ file, unitId: unitId ? Number(unitId) : null });
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
            <div className="form-group">
              <label htmlFor="import-file" className="active">
                {t('import.file')}
              </label>
              <input
                ref={fileInput}
                id="import-file"
                type="file"
                accept=".csv,text/csv"
                className={`form-control${missingFile ? ' is-invalid' : ''}`}
                aria-invalid={missingFile || undefined}
                aria-describedby={missingFile ? 'import-file-error' : undefined}
                onChange={() => setMissingFile(false)}
              />
              {missingFile ? (
                <div id="import-file-error" className="invalid-feedback d-block">
                  {t('import.chooseFile')}
                </div>
              ) : null}
            </div>
          </div>
          <div className="col-12 col-md-6">
            <SelectField
              id="import-unit"
              label={t('import.defaultUnit')}
              value={unitId}
              onChange={(e) => setUnitId(e.target.value)}
              hint={t('import.defaultUnitHint')}
            >
              {restricted ? null : <option value="">{t('import.noDefaultUnit')}</option>}
              {units.map((u) => (
                <option key={u.id} value={String(u.id)}>
                  {u.name}
                </option>
              ))}
            </SelectField>
          </div>
        </div>
        <Button type="submit" color="primary" className="mt-3" disabled={upload.isPending}>
          {upload.isPending ? t('import.uploading') : t('import.submit')}
        </Button>
      </form>
      {report ? (
        <div className="mt-4" role="status">
          <p className="fw-semibold">
            {t('import.summary', { created: report.created, failed: report.failed })}
          </p>
          {report.errors.length > 0 ? (
            <TableScroll label={t('import.errorsCaption')}>
              <Table className="align-middle">
                <caption>{t('import.errorsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('import.row')}</th>
                    <th scope="col">{t('users.email')}</th>
                    <th scope="col">{t('import.problems')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.errors.map((err) => (
                    <tr key={`${err.row}-${err.email ?? ''}`}>
                      <th scope="row">{err.row}</th>
                      <td>{err.email ?? '—'}</td>
                      <td>
                        <ul className="mb-0 ps-3">
                          {err.messages.map((m) => (
                            <li key={m}>{m}</li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </TableScroll>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
