import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PATH_STATUSES, type TrainingPath } from '../../../common/catalogue';
import { ChoiceField, TextField } from '../../components/Field';
import { FiltersPanel } from '../../components/FiltersPanel';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/Page';
import { PagedResults, ResultsTable } from '../../components/ResultsTable';
import { useUrlFilters } from '../../components/urlFilters';
import { hours, PathStatusBadge } from '../training/labels';
import { ReferenceFilterFields } from '../training/ReferenceFilterFields';
import { PATHS_PAGE_SIZE, type PathFilters, usePaths } from './api';

const KEYS = ['q', 'domain', 'serviceModel', 'status'] as const;

function Filters({ value, onChange }: { value: PathFilters; onChange: (f: PathFilters) => void }) {
  const { t } = useTranslation();
  return (
    <FiltersPanel
      label={t('catalogue.filters')}
      value={value}
      onApply={onChange}
      onReset={() => onChange({})}
    >
      {(draft, set) => (
        <>
          <div className="col-12 col-lg-4">
            <TextField
              id="paths-q"
              type="search"
              label={t('catalogue.search')}
              value={draft.q ?? ''}
              onChange={(e) => set({ q: e.target.value })}
            />
          </div>
          <ReferenceFilterFields idPrefix="paths" column="col-12 col-md-4 col-lg-3" draft={draft} set={set} />
          <div className="col-12 col-md-4 col-lg-2">
            <ChoiceField
              id="paths-status"
              label={t('catalogue.status')}
              value={draft.status ?? ''}
              onChange={(e) => set({ status: e.target.value })}
              empty={t('catalogue.anyStatus')}
              choices={PATH_STATUSES.map((s) => ({ value: s, label: t(`pathStatus.${s}`) }))}
            />
          </div>
        </>
      )}
    </FiltersPanel>
  );
}

function PathsTable({ paths, total }: { paths: TrainingPath[]; total: number }) {
  const { t } = useTranslation();
  const caption = t('catalogue.caption', { count: total });
  return (
    <ResultsTable
      hover
      caption={caption}
      columns={[
        t('catalogue.pathTitle'),
        t('calendar.domain'),
        t('calendar.serviceModel'),
        t('training.level'),
        t('training.totalHours'),
        t('catalogue.status'),
        t('catalogue.updatedAt'),
      ]}
      items={paths}
      empty={t('catalogue.none')}
      row={(p) => (
        <tr key={p.id}>
          <th scope="row">
            <Link to={`/amministrazione/catalogo/${p.id}`}>{p.title}</Link>
          </th>
          <td>{p.domainName}</td>
          <td>{p.serviceModelName ?? '—'}</td>
          <td>{t(`levels.${p.level}`)}</td>
          <td>{hours(p.totalHours, t)}</td>
          <td>
            <PathStatusBadge status={p.status} />
          </td>
          <td>{formatDateTime(p.updatedAt)}</td>
        </tr>
      )}
    />
  );
}

export default function CataloguePage() {
  const { t } = useTranslation();
  const { filters, apply, setPage } = useUrlFilters(KEYS);
  const paths = usePaths(filters);
  return (
    <Page
      title={t('catalogue.title')}
      lead={t('catalogue.lead')}
      actions={
        <>
          <Link className="btn btn-primary" to="/amministrazione/catalogo/nuovo">
            {t('catalogue.create')}
          </Link>
          <Link className="btn btn-outline-primary" to="/amministrazione/catalogo/importa">
            {t('catalogue.import')}
          </Link>
        </>
      }
    >
      <Filters value={filters} onChange={apply} />
      <PagedResults
        query={paths}
        pageSize={PATHS_PAGE_SIZE}
        pagesLabel={t('catalogue.pages')}
        onPage={setPage}
      >
        {(data) => <PathsTable paths={data.items} total={data.total} />}
      </PagedResults>
    </Page>
  );
}
