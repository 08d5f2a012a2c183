import { Table } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { FeedbackSummary } from '../../../common/learning';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { TableScroll } from '../../components/TableScroll';
import { currentLanguage } from '../../i18n';
import { EditionLinks } from '../attendance/EditionLinks';
import { usePublicEdition } from '../training/api';
import { useFeedbackSummary } from './api';

function Results({ summary }: { summary: FeedbackSummary }) {
  const { t } = useTranslation();
  const en = currentLanguage() === 'en';
  const caption = t('feedbackResults.caption');
  return (
    <>
      <TableScroll label={caption}>
        <Table className="align-middle">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('feedbackResults.item')}</th>
              <th scope="col">{t('feedbackResults.average')}</th>
              {[1, 2, 3, 4, 5].map((n) => (
                <th scope="col" key={n} className="text-nowrap">
                  {t('feedbackResults.ratedN', { n })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.items.map((item) => (
              <tr key={item.key}>
                <th scope="row">{en ? item.labelEn : item.labelIt}</th>
                <td className="text-nowrap">
                  {item.average === null ? '—' : `${formatNumber(item.average)} / 5`}
                  {item.average === null ? null : (
                    <div className="progress mt-1" aria-hidden="true">
                      <div className="progress-bar" style={{ width: `${(item.average / 5) * 100}%` }} />
                    </div>
                  )}
                </td>
                {[0, 1, 2, 3, 4].map((i) => (
                  <td key={i}>{item.distribution[i] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      </TableScroll>
      <h2 className="h4 mt-4">{t('feedbackResults.comments', { count: summary.comments.length })}</h2>
      {summary.comments.length === 0 ? (
        <p>{t('feedbackResults.noComments')}</p>
      ) : (
        <ul>
          {summary.comments.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: comments have no identity, two may read the same
            <li key={i} className="officina-pre mb-2">
              {c}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** An edition's anonymous satisfaction results: response rate always, the rest from a few answers on. */
export default function FeedbackResultsPage() {
  const { t } = useTranslation();
  const params = useParams();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const summary = useFeedbackSummary(valid ? id : null);
  const edition = usePublicEdition(valid ? id : null);
  const title = edition.data
    ? t('feedbackResults.titleOf', { title: edition.data.title })
    : t('feedbackResults.title');
  const s = summary.data;
  return (
    <Page title={title} lead={edition.data?.pathTitle}>
      {valid ? <EditionLinks editionId={id} current="feedback" /> : null}
      <ErrorAlert error={valid ? summary.error : new Error('invalid id')} />
      {summary.isPending && valid ? <Loading /> : null}
      {s ? (
        <>
          <p className="lead">
            {t('feedbackResults.rate', {
              responses: s.responses,
              confirmed: s.confirmed,
              pct: s.responseRatePct,
            })}
          </p>
          {s.shown ? (
            <Results summary={s} />
          ) : (
            <div className="alert alert-info" role="note">
              {t('feedbackResults.hidden', { min: s.minResponses })}
            </div>
          )}
        </>
      ) : null}
    </Page>
  );
}
