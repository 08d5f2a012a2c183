import { Badge } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Unit } from '../../../common/units';
import { ChoiceField, TextField } from '../../components/Field';
import { FiltersPanel } from '../../components/FiltersPanel';
import { formatDate } from '../../components/format';
import { Page } from '../../components/Page';
import { PagedResults, ResultsTable } from '../../components/ResultsTable';
import { useUrlFilters } from '../../components/urlFilters';
import { useUnitChoices, useUnits } from './api';

const PAGE_SIZE = 50;
const KEYS = ['q', 'region', 'inProgramme'] as const;
type Filters = Partial<Record<(typeof KEYS)[number], string>>;

function UnitsFilters({ value, onChange }: { value: Filters; onChange: (f: Filters) => void }) {
  const { t } = useTranslation();
  const { regions } = useUnitChoices();
  return (
    <FiltersPanel label={t('units.filters')} value={value} onApply={onChange} onReset={() => onChange({})}>
      {(draft, set) => (
        <>
          <div className="col-12 col-lg-5">
            <TextField
              id="units-q"
              type="search"
              label={t('units.search')}
              value={draft.q ?? ''}
              onChange={(e) => set({ q: e.target.value })}
            />
          </div>
          <div className="col-12 col-md-6 col-lg-4">
            <ChoiceField
              id="units-region"
              label={t('units.region')}
              value={draft.region ?? ''}
              onChange={(e) => set({ region: e.target.value })}
              empty={t('units.allRegions')}
              choices={regions}
            />
          </div>
          <div className="col-12 col-md-6 col-lg-3">
            <ChoiceField
              id="units-programme"
              label={t('units.programme')}
              value={draft.inProgramme ?? ''}
              onChange={(e) => set({ inProgramme: e.target.value })}
              empty={t('units.anyProgramme')}
              choices={[
                { value: 'true', label: t('units.inProgramme') },
                { value: 'false', label: t('units.notInProgramme') },
              ]}
            />
          </div>
        </>
      )}
    </FiltersPanel>
  );
}

function UnitsTable({ units, total }: { units: Unit[]; total: number }) {
  const { t } = useTranslation();
  return (
    <ResultsTable
      hover
      caption={t('units.caption', { count: total })}
      columns={[
        t('units.istatCode'),
        t('units.name'),
        t('units.region'),
        t('units.unitType'),
        t('units.programme'),
        t('units.validity'),
        <span key="actions" className="visually-hidden">
          {t('common.actions')}
        </span>,
      ]}
      items={units}
      empty={t('units.none')}
      row={(u) => (
        <tr key={u.id}>
          <td>{u.istatCode}</td>
          <th scope="row">
            {u.name} ({u.sigla})
          </th>
          <td>{u.regionName}</td>
          <td>{t(`unitTypes.${u.unitType}`)}</td>
          <td>
            {u.inProgramme ? (
              <Badge color="primary">{t('units.phase', { phase: u.programmePhase })}</Badge>
            ) : (
              t('units.notInProgramme')
            )}
          </td>
          <td>{u.validTo ? t('units.until', { date: formatDate(u.validTo) }) : t('units.current')}</td>
          <td className="text-end">
            <Link to={`/amministrazione/unita/${u.id}`} className="btn btn-outline-primary btn-sm">
              {t('common.edit')}
              <span className="visually-hidden"> {u.name}</span>
            </Link>
          </td>
        </tr>
      )}
    />
  );
}

export default function UnitsPage() {
  const { t } = useTranslation();
  const { filters, apply, setPage } = useUrlFilters(KEYS);
  const units = useUnits(filters, PAGE_SIZE);
  return (
    <Page
      title={t('units.title')}
      lead={t('units.lead')}
      actions={
        <Link className="btn btn-primary" to="/amministrazione/unita/nuova">
          {t('units.create')}
        </Link>
      }
    >
      <UnitsFilters value={filters} onChange={apply} />
      <PagedResults query={units} pageSize={PAGE_SIZE} pagesLabel={t('units.pages')} onPage={setPage}>
        {(data) => <UnitsTable units={data.items} total={data.total} />}
      </PagedResults>
    </Page>
  );
}
