import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { HIRING_STATES } from '../../../common/capacity';
import {
  MAP_INDICATORS,
  type MapIndicator,
  OVERVIEW_FILTERS,
  type OverviewQuery,
  overviewQuery,
} from '../../../common/overview';
import { REORG_STATUSES } from '../../../common/restructuring';
import { UNIT_TYPES } from '../../../common/units';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FiltersPanel } from '../../components/FiltersPanel';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { unitSectionUrl } from '../../components/UnitSectionNav';
import { useUrlFilters } from '../../components/urlFilters';
import { useMe } from '../auth/session';
import { exportUrl, useOverview, useTrends } from './api';
import { OverviewTable } from './OverviewTable';
import { AREA_LINKS } from './paths';
import { RegionMap } from './RegionMap';
import { TileMap } from './TileMap';
import { Trends } from './Trends';
import './overview.css';

type Filters = Partial<Record<(typeof OVERVIEW_FILTERS)[number], string>>;

/** The address's filters, keeping only values the API accepts (a hand-edited address shows everything). */
function validFilters(f: Filters): OverviewQuery {
  const parsed = overviewQuery.safeParse(f);
  return parsed.success ? parsed.data : {};
}

/** A select of the filters panel. */
function Select({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="col-12 col-md-6 col-lg-4 mb-3">
      <div className="select-wrapper">
        <label htmlFor={id}>{label}</label>
        <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('overview.filters.all')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/**
 * The restructuring area's home for the task force and national admins: every unit in one sortable
 * table with filters kept in the address, the maps, the trends and the exports. A Province officer
 * lands on their own unit instead.
 */
export default function OverviewPage() {
  const { data: me } = useMe();
  const ownUnit =
    me?.roles.find((r) => r.role === 'province_officer' && r.unitId !== null)?.unitId ?? me?.unit?.id;
  if (me && !me.can.validateRestructuring && ownUnit)
    return <Navigate to={unitSectionUrl(ownUnit)} replace />;
  return <NationalView />;
}

function NationalView() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { filters, apply } = useUrlFilters(OVERVIEW_FILTERS);
  const query = validFilters(filters);
  const overview = useOverview(query);
  const trends = useTrends();
  const [indicator, setIndicator] = useState<MapIndicator>('plan');
  const rows = overview.data?.rows ?? [];
  // The region options come from the unfiltered view, so a filtered region stays selectable.
  const all = useOverview({});
  const regions = [
    ...new Map((all.data?.rows ?? []).map((r) => [r.regionCode, r.regionName])).entries(),
  ].sort((a, b) => a[0].localeCompare(b[0]));
  const links = AREA_LINKS.filter((l) => me?.can[l.can]);
  return (
    <Page
      title={t('overview.title')}
      lead={t('overview.lead')}
      actions={
        <>
          <a className="btn btn-outline-primary btn-sm" href={exportUrl('csv', query)} download>
            {t('overview.exportCsv')}
          </a>
          <a className="btn btn-outline-primary btn-sm" href={exportUrl('xlsx', query)} download>
            {t('overview.exportXlsx')}
          </a>
        </>
      }
    >
      {links.length ? (
        <nav aria-label={t('overview.areaLinks')} className="mb-4">
          <ul className="list-unstyled d-flex flex-wrap gap-2 mb-0">
            {links.map((l) => (
              <li key={l.key}>
                <Link className="btn btn-outline-secondary btn-sm" to={l.to}>
                  {t(`overview.links.${l.key}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      <FiltersPanel<Filters>
        label={t('overview.filters.label')}
        value={filters}
        onApply={(f) => apply(f)}
        onReset={() => apply({})}
      >
        {(draft, set) => (
          <>
            <Select
              id="overview-region"
              label={t('overview.filters.region')}
              value={draft.region}
              options={regions.map(([value, label]) => ({ value, label }))}
              onChange={(v) => set({ region: v })}
            />
            <Select
              id="overview-type"
              label={t('overview.filters.type')}
              value={draft.type}
              options={UNIT_TYPES.map((v) => ({ value: v, label: t(`overview.unitType.${v}`) }))}
              onChange={(v) => set({ type: v })}
            />
            <Select
              id="overview-phase"
              label={t('overview.filters.phase')}
              value={draft.phase}
              options={[
                { value: '1', label: t('overview.filters.phaseN', { n: 1 }) },
                { value: '2', label: t('overview.filters.phaseN', { n: 2 }) },
                { value: 'none', label: t('overview.filters.phaseNone') },
              ]}
              onChange={(v) => set({ phase: v })}
            />
            <Select
              id="overview-plan"
              label={t('overview.filters.plan')}
              value={draft.plan}
              options={REORG_STATUSES.map((v) => ({ value: v, label: t(`overview.planStatus.${v}`) }))}
              onChange={(v) => set({ plan: v })}
            />
            <Select
              id="overview-hiring"
              label={t('overview.filters.hiring')}
              value={draft.hiring}
              options={HIRING_STATES.map((v) => ({ value: v, label: t(`overview.hiring.${v}`) }))}
              onChange={(v) => set({ hiring: v })}
            />
          </>
        )}
      </FiltersPanel>

      <ErrorAlert error={overview.error} className="mt-3" />
      {overview.isPending ? <Loading /> : null}
      {overview.data ? (
        <>
          <p className="mt-3" aria-live="polite">
            {t('overview.count', { count: rows.length })}
          </p>
          <OverviewTable rows={rows} today={overview.data.today} />

          <section aria-labelledby="overview-maps-title" className="my-5">
            <h2 id="overview-maps-title" className="h4">
              {t('overview.map.title')}
            </h2>
            <div className="select-wrapper mb-3" style={{ maxWidth: '22rem' }}>
              <label htmlFor="overview-indicator">{t('overview.map.indicator')}</label>
              <select
                id="overview-indicator"
                value={indicator}
                onChange={(e) => setIndicator(e.target.value as MapIndicator)}
              >
                {MAP_INDICATORS.map((i) => (
                  <option key={i} value={i}>
                    {t(`overview.map.indicators.${i}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="row">
              <div className="col-12 col-xl-6">
                <TileMap rows={rows} indicator={indicator} />
              </div>
              <div className="col-12 col-xl-6">
                <RegionMap
                  rows={rows}
                  indicator={indicator}
                  onRegion={(region) => apply({ ...filters, region })}
                />
              </div>
            </div>
          </section>
        </>
      ) : null}
      <ErrorAlert error={trends.error} />
      {trends.data ? <Trends data={trends.data} /> : null}
    </Page>
  );
}
