import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultPopulationSource } from '../../../common/unit-profiles';
import { CsvFileField, RowErrorsTable, UploadButton, useCsvFile } from '../../components/CsvUpload';
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { usePopulationImport } from './api';

/** The ISTAT "Popolazione residente al 1° gennaio" by province, imported for one year. */
export default function ImportPage() {
  const { t } = useTranslation();
  const upload = usePopulationImport();
  const file = useCsvFile();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [source, setSource] = useState('');
  const errs = fieldErrors(upload.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const chosen = file.take();
    if (chosen) upload.mutate({ file: chosen, year: year.trim(), source: source.trim() });
  };
  const report = upload.data;
  return (
    <Page title={t('unitProfile.import.title')} lead={t('unitProfile.import.lead')}>
      <p className="mb-1">{t('unitProfile.import.example')}</p>
      <pre className="officina-mail-text mb-3">
        {
          '"Popolazione residente al 1° gennaio 2025"\n"Codice provincia";"Provincia";"Età";"Totale"\n"004";"Cuneo";"999";"579.930"\n"201";"Torino";"999";"2.177.321"\n'
        }
      </pre>
      <ErrorAlert error={upload.error} />
      <form onSubmit={submit} noValidate>
        <div className="row">
          <div className="col-12 col-md-4">
            <TextField
              id="imp-year"
              inputMode="numeric"
              label={t('unitProfile.import.year')}
              value={year}
              onChange={(e) => setYear(e.target.value)}
              error={errs.year}
            />
          </div>
          <div className="col-12 col-md-8">
            <TextField
              id="imp-source"
              label={t('unitProfile.import.source')}
              value={source}
              onChange={(e) => setSource(e.target.value)}
              error={errs.source}
              hint={t('unitProfile.import.sourceHint', {
                source: defaultPopulationSource(Number(year) || 2025),
              })}
            />
          </div>
        </div>
        <CsvFileField id="imp-file" file={file} />
        <UploadButton pending={upload.isPending} />
      </form>
      {report ? (
        <div className="mt-4" role="status">
          <p className="fw-semibold">
            {t('unitProfile.import.summary', {
              imported: report.imported,
              failed: report.failed,
              skipped: report.skipped,
              year: report.year,
            })}
          </p>
          <RowErrorsTable
            errors={report.errors}
            extra={{
              header: t('unitProfile.import.code'),
              cell: (e) => e.code ?? '—',
              key: (e) => e.code ?? '',
            }}
          />
        </div>
      ) : null}
    </Page>
  );
}
