import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultsTable } from '../../components/ResultsTable';
import { useNotice } from '../enrolment/Notice';
import { logbookPath } from './access';
import { useAwaitingSignatures, useSignEntry } from './api';
import { formatMinutes } from './format';
import { SignatureList, SignButtons } from './Signatures';

/** Logbook entries waiting for the viewer's signature, as coach (trainers) or as Province officer. */
export default function SignaturesPage() {
  const { t } = useTranslation();
  const awaiting = useAwaitingSignatures();
  const sign = useSignEntry();
  const notice = useNotice();
  const items = awaiting.data?.items ?? [];
  return (
    <Page title={t('signatures.title')} lead={t('signatures.lead')}>
      {notice.node}
      <ErrorAlert error={awaiting.error} />
      <ErrorAlert error={sign.error} />
      {awaiting.isPending ? <Loading /> : null}
      {awaiting.data ? (
        <ResultsTable
          caption={t('signatures.caption', { count: items.length })}
          columns={[
            t('signatures.learner'),
            t('logbook.day'),
            t('logbook.hoursShort'),
            t('logbook.activities'),
            t('logbook.signatures'),
            <span key="actions" className="visually-hidden">
              {t('common.actions')}
            </span>,
          ]}
          items={items}
          empty={t('signatures.none')}
          row={(e) => (
            <tr key={e.id}>
              <th scope="row">
                {e.learnerName}
                {e.unitName ? <span className="d-block small fw-normal">{e.unitName}</span> : null}
                <Link className="d-block small fw-normal" to={logbookPath(e.enrolmentId)}>
                  {e.editionTitle}
                  <span className="visually-hidden"> — {t('signatures.openLogbook')}</span>
                </Link>
              </th>
              <td className="text-nowrap">
                {formatDate(e.day)}
                <span className="d-block small">{e.sessionTitle}</span>
              </td>
              <td className="text-nowrap">{formatMinutes(e.minutes)}</td>
              <td className="officina-pre">{e.activities}</td>
              <td>
                <SignatureList entry={e} />
              </td>
              <td className="text-end">
                <SignButtons
                  entry={e}
                  learnerName={e.learnerName}
                  awaitingAs={e.awaitingAs}
                  pending={sign.isPending}
                  onSign={(as) =>
                    sign.mutate(
                      { id: e.id, as },
                      {
                        onSuccess: () =>
                          notice.show(
                            t('signatures.signedOf', {
                              name: e.learnerName,
                              day: formatDate(e.day),
                              as: t(`signatures.as.${as}`),
                            }),
                          ),
                      },
                    )
                  }
                />
              </td>
            </tr>
          )}
        />
      ) : null}
    </Page>
  );
}
