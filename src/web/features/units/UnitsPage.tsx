import { Badge, Button, Table } from 'design-react-kit';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Unit } from '../../../common/units';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField, TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { TableScroll } from '../../components/TableScroll';
import { type UnitFilters, useAllUnits, useUnits } from './api';

const PAGE_SIZE = 50;

function read(params: URLSearchParams): UnitFilters {
  const page = Number(params.get('page'));
  return {
    q: params.get('q') ?? '',
    region: params.get('region') ?? '',
    inProgramme: params.get('inProgramme') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function write(f: UnitFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.q) out.q = f.q;
  if (f.region) out.region = f.region;
  if (f.inProgramme) out.inProgramme = f.inProgramme;
  if (f.page && f.page > 1) out.page = String(f.page);
  return out;
}

function Filters({ value, onChange }: { value: UnitFilters; onChange: (f: UnitFilters) => void }) {
  const { t } = useTranslation();
  const all = useAllUnits();
  const [draft, setDraft] = useState(value);
  // Follow the URL (back button, reset) without losing what is being typed on unrelated re-renders.
  const applied = JSON.stringify(value);
  useEffect(() => setDraft(JSON.parse(applied) as typeof value), [applied]);
  const regions = useMemo(
    () =>
      [...new Set((all.data?.items ?? []).map((u) => u.regionName))].sort((a, b) => a.localeCompare(b, 'it')),
    [all.data],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ ...draft, page: 1 });
  };
  return (
    <form className="officina-filters" aria-label={t('units.filters')} onSubmit={submit}>
      <div className="row">
        <div className="col-12 col-lg-5">
          <TextField
            id="units-q"
            type="search"
            label={t('units.search')}
            value={draft.q ?? ''}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-4">
          <SelectField
            id="units-region"
            label={t('units.region')}
            value={draft.region ?? ''}
            onChange={(e) => setDraft({ ...draft, region: e.target.value })}
          >
            <option value="">{t('units.allRegions')}</option>
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <SelectField
            id="units-programme"
            label={t('units.programme')}
            value={draft.inProgramme ?? ''}
            onChange={(e) => setDraft({ ...draft, inProgramme: e.target.value })}
          >
            <option value="">{t('units.anyProgramme')}</option>
            <option value="true">{t('units.inProgramme')}</option>
            <option value="false">{t('units.notInProgramme')}</option>
          </SelectField>
        </div>
      </div>
      <div className="d-flex gap-2 mt-3">
        <Button type="submit" color="primary" size="sm">
          {t('common.search')}
        </Button>
        <Button type="button" color="secondary" outline size="sm" onClick={() => onChange({ page: 1 })}>
          {t('common.reset')}
        </Button>
      </div>
    </form>
  );
}

function UnitsTable({ units, total }: { units: Unit[]; total: number }) {
  const { t } = useTranslation();
  return (
    <TableScroll label={t('units.caption', { count: total })}>
      <Table hover className="align-middle">
        <caption>{t('units.caption', { count: total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('units.istatCode')}</th>
            <th scope="col">{t('units.name')}</th>
            <th scope="col">{t('units.region')}</th>
            <th scope="col">{t('units.unitType')}</th>
            <th scope="col">{t('units.programme')}</th>
            <th scope="col">{t('units.validity')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {units.length === 0 ? (
            <tr>
              <td colSpan={7}>{t('units.none')}</td>
            </tr>
          ) : (
            units.map((u) => (
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
            ))
          )}
        </tbody>
      </Table>
    </TableScroll>
  );
}

export default function UnitsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = read(params);
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
      <Filters value={filters} onChange={(f) => setParams(write(f))} />
      <ErrorAlert error={units.error} />
      {units.isPending ? <Loading /> : null}
      {units.data ? (
        <>
          <UnitsTable units={units.data.items} total={units.data.total} />
          <Pagination
            page={units.data.page}
            pageSize={units.data.pageSize || PAGE_SIZE}
            total={units.data.total}
            label={t('units.pages')}
            onPage={(page) => setParams(write({ ...filters, page }))}
          />
        </>
      ) : null}
    </Page>
  );
}
