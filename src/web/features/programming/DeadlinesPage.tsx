import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DEADLINE_SORTS } from '../../../common/programming';
import { PROGRAMMING_KINDS } from '../../../common/restructuring';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChoiceField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { TableScroll } from '../../components/TableScroll';
import { unitSectionUrl } from '../../components/UnitSectionNav';
import { useSearchParam } from '../../components/urlFilters';
import { type DeadlinesFilter, deadlinesCsvUrl, useDeadlines } from './api';
import { RULES_PATH } from './paths';
import { DocumentStatus } from './UnitProgrammingPage';

/** Documents overdue or due within 30 days, in the units the person follows. */
export default function DeadlinesPage() {
  const { t } = useTranslation();
  const [search, set] = useSearchParam();
  const filter: DeadlinesFilter = {
    kind: search.get('documento') ?? '',
    region: search.get('regione') ?? '',
    sort: search.get('ordine') ?? 'due',
  };
  const q = useDeadlines(filter);
  const d = q.data;
  return (
    <Page
      title={t('programming.deadlines.title')}
      lead={t('programming.deadlines.lead')}
      actions={
        <>
          <a className="btn btn-outline-primary" href={deadlinesCsvUrl(filter)} download>
            {t('programming.deadlines.csv')}
          </a>
          <Link className="btn btn-outline-secondary" to={RULES_PATH}>
            {t('programming.deadlines.rulesLink')}
          </Link>
        </>
      }
    >
      <div className="row">
        <div className="col-12 col-md-4">
          <ChoiceField
            id="deadlines-kind"
            label={t('programming.deadlines.kind')}
            value={filter.kind ?? ''}
            empty={t('programming.deadlines.all')}
            choices={PROGRAMMING_KINDS.map((k) => ({ value: k, label: t(`programming.kinds.${k}`) }))}
            onChange={(e) => set('documento', e.target.value)}
          />
        </div>
        <div className="col-12 col-md-4">
          <ChoiceField
            id="deadlines-region"
            label={t('programming.deadlines.region')}
            value={filter.region ?? ''}
            empty={t('programming.deadlines.allRegions')}
            choices={(d?.regions ?? []).map((r) => ({ value: r.code, label: r.name }))}
            onChange={(e) => set('regione', e.target.value)}
          />
        </div>
        <div className="col-12 col-md-4">
          <ChoiceField
            id="deadlines-sort"
            label={t('programming.deadlines.sort')}
            value={filter.sort ?? 'due'}
            choices={DEADLINE_SORTS.map((s) => ({ value: s, label: t(`programming.deadlines.sorts.${s}`) }))}
            onChange={(e) => set('ordine', e.target.value === 'due' ? '' : e.target.value)}
          />
        </div>
      </div>
      {q.isPending ? <Loading /> : null}
      <ErrorAlert error={q.error} />
      {d ? (
        d.items.length ? (
          <TableScroll label={t('programming.deadlines.caption', { date: formatDate(d.today) })}>
            <table className="table table-sm align-middle">
              <caption>{t('programming.deadlines.caption', { date: formatDate(d.today) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('programming.deadlines.unit')}</th>
                  <th scope="col">{t('programming.deadlines.region')}</th>
                  <th scope="col">{t('programming.deadlines.document')}</th>
                  <th scope="col">{t('programming.deadlines.due')}</th>
                  <th scope="col">{t('programming.deadlines.state')}</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((r) => (
                  <tr key={`${r.unit.id}-${r.kind}-${r.year}`}>
                    <th scope="row">
                      <Link to={`${unitSectionUrl(r.unit.id, 'programming')}?anno=${r.year}`}>
                        {r.unit.name}
                      </Link>
                    </th>
                    <td>{r.unit.regionName}</td>
                    <td>
                      {t(`programming.kinds.${r.kind}`)} {r.year}–{r.year + 2}
                    </td>
                    <td>
                      {formatDate(r.due)}
                      {r.basis === 'rule' ? null : (
                        <span className="d-block small text-muted">{t(`programming.basis.${r.basis}`)}</span>
                      )}
                    </td>
                    <td>
                      <DocumentStatus
                        doc={{
                          state: r.state,
                          adoptedOn: null,
                          deadline: { due: r.due, basis: r.basis, source: '', daysLeft: r.daysLeft },
                        }}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p>{t('programming.deadlines.empty')}</p>
        )
      ) : null}
    </Page>
  );
}
