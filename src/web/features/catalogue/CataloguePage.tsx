import { Button, Table } from 'design-react-kit';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PATH_STATUSES, type TrainingPath } from '../../../common/catalogue';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField, TextField } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { TableScroll } from '../../components/TableScroll';
import { hours, PathStatusBadge, useReferenceNames } from '../training/labels';
import { PATHS_PAGE_SIZE, type PathFilters, usePaths } from './api';

const KEYS = ['q', 'domain', 'serviceModel', 'status'] as const;

function read(params: URLSearchParams): PathFilters {
  const f: PathFilters = {};
  for (const key of KEYS) {
    const v = params.get(key);
    if (v) f[key] = v;
  }
  const page = Number(params.get('page'));
  f.page = Number.isInteger(page) && page > 0 ? page : 1;
  return f;
}

function write(f: PathFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of KEYS) if (f[key]) out[key] = f[key] as string;
  if (f.page && f.page > 1) out.page = String(f.page);
  return out;
}

function Filters({ value, onChange }: { value: PathFilters; onChange: (f: PathFilters) => void }) {
  const { t } = useTranslation();
  const { reference } = useReferenceNames();
  const [draft, setDraft] = useState(value);
  const applied = JSON.stringify(value);
  useEffect(() => setDraft(JSON.parse(applied) as PathFilters), [applied]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ ...draft, page: 1 });
  };
  return (
    <form className="officina-filters" onSubmit={submit} aria-label={t('catalogue.filters')}>
      <div className="row">
        <div className="col-12 col-lg-4">
          <TextField
            id="paths-q"
            type="search"
            label={t('catalogue.search')}
            value={draft.q ?? ''}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          />
        </div>
        <div className="col-12 col-md-4 col-lg-3">
          <SelectField
            id="paths-domain"
            label={t('calendar.domain')}
            value={draft.domain ?? ''}
            onChange={(e) => setDraft({ ...draft, domain: e.target.value })}
          >
            <option value="">{t('calendar.allDomains')}</option>
            {(reference?.domains ?? []).map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-4 col-lg-3">
          <SelectField
            id="paths-service-model"
            label={t('calendar.serviceModel')}
            value={draft.serviceModel ?? ''}
            onChange={(e) => setDraft({ ...draft, serviceModel: e.target.value })}
          >
            <option value="">{t('calendar.allServiceModels')}</option>
            {(reference?.serviceModels ?? []).map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-4 col-lg-2">
          <SelectField
            id="paths-status"
            label={t('catalogue.status')}
            value={draft.status ?? ''}
            onChange={(e) => setDraft({ ...draft, status: e.target.value })}
          >
            <option value="">{t('catalogue.anyStatus')}</option>
            {PATH_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`pathStatus.${s}`)}
              </option>
            ))}
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

function PathsTable({ paths, total }: { paths: TrainingPath[]; total: number }) {
  const { t } = useTranslation();
  const caption = t('catalogue.caption', { count: total });
  return (
    <TableScroll label={caption}>
      <Table hover className="align-middle">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('catalogue.pathTitle')}</th>
            <th scope="col">{t('calendar.domain')}</th>
            <th scope="col">{t('calendar.serviceModel')}</th>
            <th scope="col">{t('training.level')}</th>
            <th scope="col">{t('training.totalHours')}</th>
            <th scope="col">{t('catalogue.status')}</th>
            <th scope="col">{t('catalogue.updatedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {paths.length === 0 ? (
            <tr>
              <td colSpan={7}>{t('catalogue.none')}</td>
            </tr>
          ) : (
            paths.map((p) => (
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
            ))
          )}
        </tbody>
      </Table>
    </TableScroll>
  );
}

export default function CataloguePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = read(params);
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
      <Filters value={filters} onChange={(f) => setParams(write(f))} />
      <ErrorAlert error={paths.error} />
      {paths.isPending ? <Loading /> : null}
      {paths.data ? (
        <>
          <PathsTable paths={paths.data.items} total={paths.data.total} />
          <Pagination
            page={paths.data.page}
            pageSize={paths.data.pageSize || PATHS_PAGE_SIZE}
            total={paths.data.total}
            label={t('catalogue.pages')}
            onPage={(page) => setParams(write({ ...filters, page }))}
          />
        </>
      ) : null}
    </Page>
  );
}
