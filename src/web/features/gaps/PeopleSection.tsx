import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { ResultsTable } from '../../components/ResultsTable';
import { usePeopleGaps } from './api';
import { formatGap } from './format';

/** Named surveys only: each person of one unit with their gaps (anonymous surveys have no such view). */
export function PeopleSection({ id, unit }: { id: number; unit: number }) {
  const { t } = useTranslation();
  const q = usePeopleGaps(id, unit);
  const p = q.data;
  return (
    <section aria-labelledby="gaps-people" className="mt-5">
      <h2 className="h3" id="gaps-people">
        {t('gaps.peopleHeading', { unit: p?.unit.name ?? '' })}
      </h2>
      <p>{t('gaps.peopleLead')}</p>
      <ErrorAlert error={q.error} />
      {q.isPending ? (
        <Loading />
      ) : p ? (
        <ResultsTable
          caption={t('gaps.peopleCaption', { unit: p.unit.name })}
          columns={[
            t('gaps.person'),
            t('gaps.profileLabel'),
            t('gaps.below'),
            t('gaps.meanGap'),
            t('gaps.largest'),
          ]}
          items={p.people}
          empty={t('gaps.peopleNone')}
          row={(person) => (
            <tr key={person.userId}>
              <th scope="row">{person.name}</th>
              <td>{person.jobProfile ?? '—'}</td>
              <td>
                {person.belowExpectation} / {person.competencies}
              </td>
              <td>{formatGap(person.meanGap ?? 0)}</td>
              <td>
                {[...person.items]
                  .sort((a, b) => b.gap - a.gap)
                  .slice(0, 3)
                  .map((i) => `${i.code} (${i.gap})`)
                  .join(', ') || '—'}
              </td>
            </tr>
          )}
        />
      ) : null}
    </section>
  );
}
