import { Badge } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DELIVERY_MODES, type PublicPathSummary } from '../../../common/catalogue';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChoiceField, TextField } from '../../components/Field';
import { FiltersPanel } from '../../components/FiltersPanel';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { useUrlFilters } from '../../components/urlFilters';
import { usePublicPaths } from './api';
import { hours } from './labels';
import { ReferenceFilterFields } from './ReferenceFilterFields';

const KEYS = ['q', 'domain', 'serviceModel', 'mode'] as const;
const PAGE_SIZE = 20;

function PathItem({ path }: { path: PublicPathSummary }) {
  const { t } = useTranslation();
  return (
    <li className="officina-entry">
      <div className="officina-entry-body">
        <h2 className="h4 mb-1">
          <Link to={`/formazione/percorsi/${encodeURIComponent(path.slug)}`}>{path.title}</Link>
        </h2>
        <p className="mb-2">{path.summary}</p>
        <div className="d-flex flex-wrap gap-2 align-items-center mb-2">
          <Badge color="secondary" className="officina-badge-domain">
            {path.domainName}
          </Badge>
          {path.serviceModelName ? <Badge color="primary">{path.serviceModelName}</Badge> : null}
          <span className="small">
            {t(`levels.${path.level}`)} · {hours(path.totalHours, t)} ·{' '}
            {path.deliveryModes.map((m) => t(`modes.${m}`)).join(', ')}
          </span>
        </div>
        <p className="mb-0 small fw-semibold">
          {path.upcomingEditions > 0
            ? t('paths.upcoming', { count: path.upcomingEditions })
            : t('paths.noUpcoming')}
        </p>
      </div>
    </li>
  );
}

/** The public list of published training paths, searchable, each leading to its page and editions. */
export default function PathsPage() {
  const { t } = useTranslation();
  const { filters, apply, setPage } = useUrlFilters(KEYS);
  const list = usePublicPaths({
    q: filters.q,
    domain: filters.domain,
    serviceModel: filters.serviceModel,
    mode: DELIVERY_MODES.find((m) => m === filters.mode),
    page: filters.page,
    pageSize: PAGE_SIZE,
  });
  const data = list.data;
  return (
    <Page title={t('paths.title')} lead={t('paths.lead')} description={t('paths.description')}>
      <FiltersPanel
        label={t('paths.filters')}
        value={filters}
        onApply={(draft) => apply(draft)}
        onReset={() => apply({})}
      >
        {(draft, set) => (
          <>
            <div className="col-12 col-lg-6">
              <TextField
                id="paths-q"
                type="search"
                label={t('paths.search')}
                value={draft.q ?? ''}
                maxLength={200}
                onChange={(e) => set({ q: e.target.value })}
              />
            </div>
            <ReferenceFilterFields
              idPrefix="paths"
              column="col-12 col-md-6 col-lg-3"
              draft={draft}
              set={set}
            />
            <div className="col-12 col-md-6 col-lg-3">
              <ChoiceField
                id="paths-mode"
                label={t('calendar.mode')}
                value={draft.mode ?? ''}
                onChange={(e) => set({ mode: e.target.value })}
                empty={t('calendar.allModes')}
                choices={DELIVERY_MODES.map((m) => ({ value: m, label: t(`modes.${m}`) }))}
              />
            </div>
          </>
        )}
      </FiltersPanel>
      <p className="fw-semibold officina-result-count" aria-live="polite">
        {data ? t('paths.found', { count: data.total }) : ''}
      </p>
      <ErrorAlert error={list.error} />
      {list.isPending ? <Loading /> : null}
      {data ? (
        <div aria-busy={list.isFetching}>
          {data.items.length === 0 ? (
            <div className="alert alert-info" role="status">
              {t('paths.empty')}
            </div>
          ) : (
            <ul className="list-unstyled">
              {data.items.map((p) => (
                <PathItem key={p.id} path={p} />
              ))}
            </ul>
          )}
          <Pagination
            page={data.page}
            pageSize={PAGE_SIZE}
            total={data.total}
            label={t('paths.pages')}
            onPage={setPage}
          />
        </div>
      ) : null}
      <p className="mt-4">
        <Link to="/formazione">{t('paths.toCalendar')}</Link>
      </p>
    </Page>
  );
}
