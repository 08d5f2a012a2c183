import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CsvFileField, RowErrorsTable, UploadButton, useCsvFile } from '../../components/CsvUpload';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { useScheduleImport } from './api';

export const SCHEDULE_HEADER =
  'path_slug,edition_title,starts_on,ends_on,capacity,enrolment_opens,enrolment_closes,venue_name,venue_address,venue_unit_istat,session_title,session_start,session_end,mode,room';

const EXAMPLE = [
  SCHEDULE_HEADER,
  'appalti-pubblici-nuovo-codice,Edizione di Cuneo,2026-04-13,2026-04-20,30,2026-03-01 09:00,2026-04-06 23:59,Sala Giunta,"Corso Nizza 21, Cuneo",004,Lezione 1,2026-04-13 09:30,2026-04-13 13:00,aula,Sala A',
  'appalti-pubblici-nuovo-codice,Edizione di Cuneo,2026-04-13,2026-04-20,30,2026-03-01 09:00,2026-04-06 23:59,Sala Giunta,"Corso Nizza 21, Cuneo",004,Lezione 2,2026-04-20 09:30,2026-04-20 13:00,aula,Sala A',
].join('\n');

export default function ScheduleImportPage() {
  const { t } = useTranslation();
  const upload = useScheduleImport();
  const file = useCsvFile();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const chosen = file.take();
    if (chosen) upload.mutate(chosen);
  };
  const report = upload.data;
  return (
    <Page title={t('scheduleImport.title')} lead={t('scheduleImport.lead')}>
      <p>
        <Link to="/amministrazione/catalogo">{t('catalogue.back')}</Link>
      </p>
      <section aria-labelledby="import-format" className="mb-4">
        <h2 id="import-format" className="h4">
          {t('scheduleImport.format')}
        </h2>
        <p>{t('scheduleImport.formatText')}</p>
        <ul>
          <li>{t('scheduleImport.rules.rows')}</li>
          <li>{t('scheduleImport.rules.times')}</li>
          <li>{t('scheduleImport.rules.modes')}</li>
          <li>{t('scheduleImport.rules.unit')}</li>
          <li>{t('scheduleImport.rules.venue')}</li>
          <li>{t('scheduleImport.rules.errors')}</li>
          <li>{t('scheduleImport.rules.draft')}</li>
        </ul>
        <p className="mb-1">{t('import.example')}</p>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide example scrolls sideways on phones */}
        <pre className="officina-mail-text mb-3" tabIndex={0}>
          {EXAMPLE}
        </pre>
      </section>
      <ErrorAlert error={upload.error} />
      <form onSubmit={submit} noValidate>
        <CsvFileField id="schedule-file" file={file} />
        <UploadButton pending={upload.isPending} />
      </form>
      {report ? (
        <div className="mt-4" role="status">
          <p className="fw-semibold">
            {t('scheduleImport.summary', {
              editions: t('scheduleImport.editions', { count: report.editionsCreated }),
              sessions: t('scheduleImport.sessions', { count: report.sessionsCreated }),
              failed: t('scheduleImport.failed', { count: report.failed }),
            })}
          </p>
          {report.editionsCreated > 0 ? (
            <p>
              <Link to="/amministrazione/catalogo">{t('scheduleImport.seeCatalogue')}</Link>
            </p>
          ) : null}
          <RowErrorsTable errors={report.errors} />
        </div>
      ) : null}
    </Page>
  );
}
