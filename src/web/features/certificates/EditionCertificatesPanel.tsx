import { Badge, Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EditionCertificate, EditionCertificates } from '../../../common/certificates';
import { hoursOf } from '../../../common/certificates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { Loading } from '../../components/Loading';
import { ResultsTable } from '../../components/ResultsTable';
import { useMe } from '../auth/session';
import { useNotice } from '../enrolment/Notice';
import { EnrolmentReasonDialog } from '../enrolment/ReasonDialog';
import {
  certificatePdfUrl,
  editionZipUrl,
  useEditionCertificates,
  useReissueCertificate,
  useRevokeCertificate,
  verifyPath,
} from './api';
import { CertificateStatusBadge, hoursText } from './labels';

function MissingTable({
  data,
  manage,
  pending,
  onReissue,
}: {
  data: EditionCertificates;
  manage: boolean;
  pending: boolean;
  onReissue: (certificateId: number, name: string) => void;
}) {
  const { t } = useTranslation();
  if (data.missing.length === 0) return null;
  return (
    <>
      <h3 className="h5 mt-4">{t('editionCertificates.missingTitle')}</h3>
      <p>
        {data.editionStatus === 'completed'
          ? t('editionCertificates.missingHelp')
          : t('editionCertificates.notCompletedYet')}
      </p>
      <ResultsTable
        caption={t('editionCertificates.missingCaption', { count: data.missing.length })}
        columns={[
          t('editionCertificates.holder'),
          t('certificates.completedOn'),
          t('certificates.hours'),
          <span key="actions" className="visually-hidden">
            {t('common.actions')}
          </span>,
        ]}
        items={data.missing}
        empty=""
        row={(m) => (
          <tr key={m.enrolmentId}>
            <th scope="row">
              {m.holderName}
              {m.unitName ? <span className="d-block small fw-normal">{m.unitName}</span> : null}
            </th>
            <td>{formatDate(m.completedOn)}</td>
            <td>{hoursText(hoursOf(m.minutesAttended), t)}</td>
            <td className="text-end">
              {manage && m.revokedCertificateId !== null ? (
                <Button
                  color="primary"
                  size="xs"
                  disabled={pending}
                  onClick={() => onReissue(m.revokedCertificateId as number, m.holderName)}
                >
                  {t('editionCertificates.issueAgain')}
                  <span className="visually-hidden"> {m.holderName}</span>
                </Button>
              ) : m.revokedCertificateId !== null ? (
                t('editionCertificates.revokedNone')
              ) : null}
            </td>
          </tr>
        )}
      />
    </>
  );
}

/**
 * An edition's certificates for those who run the catalogue: each with its state and whether it still
 * matches the enrolment, revoke (with a reason) and reissue, every PDF at once as a ZIP.
 */
export function EditionCertificatesPanel({ editionId, level = 2 }: { editionId: number; level?: 2 | 3 }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const manage = me?.can.manageCatalogue ?? false;
  // PDFs and the ZIP are for those who read every certificate; an edition's trainers see the list only.
  const bulk = manage || (me?.roles ?? []).some((r) => r.role === 'task_force');
  const list = useEditionCertificates(editionId);
  const revoke = useRevokeCertificate();
  const reissue = useReissueCertificate();
  const notice = useNotice();
  const [revoking, setRevoking] = useState<EditionCertificate | null>(null);
  const Heading = level === 2 ? 'h2' : 'h3';
  const data = list.data;
  const valid = data?.items.filter((c) => c.status === 'valid').length ?? 0;
  const doReissue = (id: number, name: string) => {
    notice.clear();
    reissue.mutate(id, {
      onSuccess: (c) => notice.show(t('editionCertificates.reissued', { name, code: c.code })),
    });
  };
  return (
    <section aria-labelledby="edition-certificates" className="mb-5">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <Heading id="edition-certificates" className="h4 mb-0">
          {t('editionCertificates.title')}
        </Heading>
        {bulk && valid > 0 ? (
          <a className="btn btn-primary btn-sm" href={editionZipUrl(editionId)} download>
            {t('editionCertificates.zip', { count: valid })}
          </a>
        ) : null}
      </div>
      <ErrorAlert error={list.error} />
      {list.isPending ? <Loading /> : null}
      {notice.node}
      <ErrorAlert error={reissue.error} />
      {data ? (
        <>
          <ResultsTable
            caption={t('editionCertificates.caption', { count: data.items.length })}
            columns={[
              t('editionCertificates.holder'),
              t('certificates.code'),
              t('editionCertificates.issuedAt'),
              t('certificates.hours'),
              t('certificates.status'),
              <span key="actions" className="visually-hidden">
                {t('common.actions')}
              </span>,
            ]}
            items={data.items}
            empty={
              data.editionStatus === 'completed'
                ? t('editionCertificates.none')
                : t('editionCertificates.noneYet')
            }
            row={(c) => {
              const reissuable =
                manage &&
                ((c.status === 'valid' && c.outdated) ||
                  (c.status === 'revoked' && data.missing.some((m) => m.revokedCertificateId === c.id)));
              return (
                <tr key={c.id}>
                  <th scope="row">
                    {c.holderName}
                    {c.unitName ? <span className="d-block small fw-normal">{c.unitName}</span> : null}
                  </th>
                  <td className="text-nowrap">
                    <Link to={verifyPath(c.code)}>
                      <code>{c.code}</code>
                    </Link>
                  </td>
                  <td className="text-nowrap">{formatDateTime(c.issuedAt)}</td>
                  <td className="text-nowrap">{hoursText(c.hours, t)}</td>
                  <td>
                    <div className="d-flex flex-wrap gap-1">
                      <CertificateStatusBadge status={c.status} revokedAt={c.revokedAt} />
                      {c.outdated && c.status === 'valid' ? (
                        <Badge color="warning">{t('editionCertificates.outdated')}</Badge>
                      ) : null}
                    </div>
                    {c.revokeReason ? (
                      <span className="d-block small">
                        {t('editionCertificates.reason', { reason: c.revokeReason })}
                      </span>
                    ) : null}
                  </td>
                  <td className="text-end">
                    <div className="d-flex flex-wrap gap-2 justify-content-end">
                      {bulk ? (
                        <a className="btn btn-outline-primary btn-xs" href={certificatePdfUrl(c.id)} download>
                          {t('editionCertificates.pdf')}
                          <span className="visually-hidden"> {c.holderName}</span>
                        </a>
                      ) : null}
                      {reissuable ? (
                        <Button
                          color="primary"
                          size="xs"
                          disabled={reissue.isPending}
                          onClick={() => doReissue(c.id, c.holderName)}
                        >
                          {t('editionCertificates.reissue')}
                          <span className="visually-hidden"> {c.holderName}</span>
                        </Button>
                      ) : null}
                      {manage && c.status === 'valid' ? (
                        <Button
                          color="danger"
                          outline
                          size="xs"
                          onClick={() => {
                            revoke.reset();
                            notice.clear();
                            setRevoking(c);
                          }}
                        >
                          {t('editionCertificates.revoke')}
                          <span className="visually-hidden"> {c.holderName}</span>
                        </Button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              );
            }}
          />
          <p className="small">{t('editionCertificates.outdatedHelp')}</p>
          <MissingTable data={data} manage={manage} pending={reissue.isPending} onReissue={doReissue} />
        </>
      ) : null}
      <EnrolmentReasonDialog
        open={revoking !== null}
        title={t('editionCertificates.revokeTitle', { name: revoking?.holderName ?? '' })}
        text={t('editionCertificates.revokeText', { code: revoking?.code ?? '' })}
        confirmLabel={t('editionCertificates.revokeConfirm')}
        required
        hint={t('editionCertificates.revokeHint')}
        pending={revoke.isPending}
        error={revoke.error}
        onClose={() => setRevoking(null)}
        onConfirm={(reason) => {
          if (!revoking) return;
          revoke.mutate(
            { id: revoking.id, reason: reason ?? '' },
            {
              onSuccess: (c) => {
                setRevoking(null);
                notice.show(t('editionCertificates.revoked', { name: c.holderName, code: c.code }));
              },
            },
          );
        }}
      />
    </section>
  );
}
