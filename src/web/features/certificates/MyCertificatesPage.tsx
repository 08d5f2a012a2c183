import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LEARNER_AREA_PATH } from '../../../common/learning';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultsTable } from '../../components/ResultsTable';
import { certificatePdfUrl, useMyCertificates, verifyPath } from './api';
import { CertificateStatusBadge, hoursText } from './labels';

/** The learner's certificates, valid and revoked, with the PDF and the public verification page of each. */
export default function MyCertificatesPage() {
  const { t } = useTranslation();
  const mine = useMyCertificates();
  const items = mine.data ?? [];
  return (
    <Page title={t('certificates.mineTitle')} lead={t('certificates.mineLead')}>
      <p>
        <Link to={LEARNER_AREA_PATH}>{t('learning.back')}</Link>
      </p>
      <ErrorAlert error={mine.error} />
      {mine.isPending ? <Loading /> : null}
      {mine.data ? (
        <ResultsTable
          caption={t('certificates.mineCaption', { count: items.length })}
          columns={[
            t('certificates.path'),
            t('certificates.completedOn'),
            t('certificates.hours'),
            t('certificates.code'),
            t('certificates.status'),
            <span key="actions" className="visually-hidden">
              {t('common.actions')}
            </span>,
          ]}
          items={items}
          empty={t('certificates.mineNone')}
          row={(c) => (
            <tr key={c.id}>
              <th scope="row">
                {c.pathTitle}
                <span className="d-block small fw-normal">{c.editionTitle}</span>
              </th>
              <td className="text-nowrap">{formatDate(c.completedOn)}</td>
              <td className="text-nowrap">{hoursText(c.hours, t)}</td>
              <td className="text-nowrap">
                <Link to={verifyPath(c.code)} aria-label={t('certificates.verifyCode', { code: c.code })}>
                  <code>{c.code}</code>
                </Link>
              </td>
              <td>
                <CertificateStatusBadge status={c.status} revokedAt={c.revokedAt} />
              </td>
              <td className="text-end text-nowrap">
                <a className="btn btn-primary btn-xs" href={certificatePdfUrl(c.id)} download>
                  {t('certificates.download')}
                  <span className="visually-hidden"> {c.pathTitle}</span>
                </a>
              </td>
            </tr>
          )}
        />
      ) : null}
      <p className="mt-3">{t('certificates.verifyHelp')}</p>
    </Page>
  );
}
