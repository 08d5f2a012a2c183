import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LEARNER_AREA_PATH, type TranscriptYear } from '../../../common/learning';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatNumber } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultsTable } from '../../components/ResultsTable';
import { verifyPath } from '../certificates/api';
import { useTranscript } from './api';
import { YearProgress } from './YearProgress';

function Year({ year }: { year: TranscriptYear }) {
  const { t } = useTranslation();
  const headingId = `transcript-${year.year}`;
  return (
    <section aria-labelledby={headingId} className="mb-5">
      <h2 id={headingId} className="h3">
        {year.year}
      </h2>
      <YearProgress year={year} id={`${headingId}-progress`} />
      <ResultsTable
        caption={t('transcript.caption', { year: year.year, count: year.editions.length })}
        columns={[
          t('certificates.path'),
          t('transcript.hoursInYear'),
          t('certificates.completedOn'),
          t('transcript.certificate'),
        ]}
        items={year.editions}
        empty={t('transcript.none')}
        row={(e) => (
          <tr key={e.enrolmentId}>
            <th scope="row">
              {e.pathTitle}
              <span className="d-block small fw-normal">{e.editionTitle}</span>
            </th>
            <td className="text-nowrap">
              {t('training.hours', { count: e.hours, n: formatNumber(e.hours) })}
            </td>
            <td className="text-nowrap">
              {e.completedOn ? formatDate(e.completedOn) : t('transcript.inProgress')}
            </td>
            <td className="text-nowrap">
              {e.certificateCode ? (
                <Link
                  to={verifyPath(e.certificateCode)}
                  aria-label={t('certificates.verifyCode', { code: e.certificateCode })}
                >
                  <code>{e.certificateCode}</code>
                </Link>
              ) : (
                '—'
              )}
            </td>
          </tr>
        )}
      />
    </section>
  );
}

/** Libretto formativo: hours attended per calendar year against the yearly target, with each edition. */
export default function TranscriptPage() {
  const { t } = useTranslation();
  const transcript = useTranscript();
  return (
    <Page
      title={t('transcript.title')}
      lead={
        transcript.data
          ? t('transcript.lead', { target: formatNumber(transcript.data.targetHours) })
          : undefined
      }
    >
      <p>
        <Link to={LEARNER_AREA_PATH}>{t('learning.back')}</Link>
      </p>
      <ErrorAlert error={transcript.error} />
      {transcript.isPending ? <Loading /> : null}
      {transcript.data?.years.map((y) => (
        <Year key={y.year} year={y} />
      ))}
    </Page>
  );
}
