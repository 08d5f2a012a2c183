import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Panel } from '../../components/Panel';
import { dateWords } from '../training/labels';
import { useSuggestions } from './api';
import { hours, local } from './labels';
import { editionPage, trainingPathPage } from './paths';

/**
 * "Percorsi suggeriti per te": from the learner's latest named survey, the competencies where they
 * fall short and the paths linked to them with their next editions. Anonymous surveys cannot be
 * linked back to anyone, so they never feed it.
 */
export function SuggestedPaths() {
  const { t } = useTranslation();
  const s = useSuggestions();
  const data = s.data;
  return (
    <Panel title={t('suggestedPaths.title')} icon="it-bookmark">
      <ErrorAlert error={s.error} />
      {s.isPending ? <Loading /> : null}
      {data && !data.campaign ? <p className="mb-0">{t('suggestedPaths.noCampaign')}</p> : null}
      {data?.campaign ? (
        <>
          <p>{t('suggestedPaths.from', { title: local(data.campaign.title) })}</p>
          {data.competencies.length === 0 ? <p>{t('suggestedPaths.noGaps')}</p> : null}
          {data.competencies.length > 0 && data.paths.length === 0 ? (
            <p>{t('suggestedPaths.noPaths')}</p>
          ) : null}
          <ul className="list-unstyled mb-2">
            {data.paths.slice(0, 5).map((p) => (
              <li key={p.id} className="mb-3">
                <Link to={trainingPathPage(p.slug)} className="fw-semibold">
                  {p.title}
                </Link>
                <span className="d-block small">
                  {t('suggestedPaths.for', {
                    names: p.competencyCodes
                      .map((c) => data.competencies.find((x) => x.code === c))
                      .filter((x) => x !== undefined)
                      .map((x) => local(x.name))
                      .join(', '),
                    hours: hours(p.hours),
                  })}
                </span>
                {p.editions.length ? (
                  <ul className="small">
                    {p.editions.map((e) => (
                      <li key={e.id}>
                        <Link to={editionPage(e.id)}>
                          {e.title}:{' '}
                          {t('training.fromTo', dateWords(formatDate(e.startsOn), formatDate(e.endsOn)))}
                        </Link>
                        {e.enrolmentOpen ? ` — ${t('suggestedPaths.open')}` : ''}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="d-block small">{t('suggestedPaths.noEditions')}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="small mb-0">{t('suggestedPaths.anonymous')}</p>
    </Panel>
  );
}
