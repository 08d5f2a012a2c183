import { useQuery } from '@tanstack/react-query';
import { Button, Table } from 'design-react-kit';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { auditEntry } from '../../../common/admin';
import { api, type Paged, query } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/Field';
import { formatDateTime, romeDayBoundary } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { TableScroll } from '../../components/TableScroll';
import { useAllUnits } from '../units/api';

type AuditEntry = z.infer<typeof auditEntry>;
const KEYS = ['actor', 'action', 'entityType', 'entityId', 'from', 'to'] as const;
type Filters = Partial<Record<(typeof KEYS)[number], string>>;
const PAGE_SIZE = 50;
// Suggestions only (the fields stay free text): the server filters on exact action and object type.
const KNOWN_ACTIONS = [
  'auth.login',
  'auth.locked',
  'auth.password_reset_requested',
  'auth.password_reset',
  'auth.invitation_accepted',
  'auth.password_changed',
  'user.invited',
  'user.invitation_resent',
  'user.updated',
  'user.profile_updated',
  'role.granted',
  'role.revoked',
  'unit.created',
  'unit.updated',
];
const KNOWN_TYPES = ['user', 'unit', 'system'];

function useAudit(filters: Filters, page: number) {
  return useQuery({
    queryKey: ['audit', filters, page],
    queryFn: ({ signal }) =>
      api<Paged<AuditEntry>>(
        `/api/v1/audit-log${query({
          ...filters,
          from: filters.from ? romeDayBoundary(filters.from, 'start') : undefined,
          to: filters.to ? romeDayBoundary(filters.to, 'end') : undefined,
          page,
          pageSize: PAGE_SIZE,
        })}`,
        { signal },
      ),
    placeholderData: (previous) => previous,
  });
}

function AuditFilters({ value, onChange }: { value: Filters; onChange: (f: Filters) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const applied = JSON.stringify(value);
  useEffect(() => setDraft(JSON.parse(applied) as Filters), [applied]);
  const field = (key: (typeof KEYS)[number], type: 'search' | 'date' = 'search', list?: string) => (
    <TextField
      id={`audit-${key}`}
      type={type}
      label={t(`audit.${key}`)}
      value={draft[key] ?? ''}
      list={list}
      autoComplete="off"
      onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
    />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange(draft);
  };
  return (
    <form className="officina-filters" aria-label={t('audit.filters')} onSubmit={submit}>
      <div className="row">
        <div className="col-12 col-md-6 col-lg-4">{field('actor')}</div>
        <div className="col-12 col-md-6 col-lg-4">{field('action', 'search', 'audit-actions')}</div>
        <div className="col-12 col-md-6 col-lg-4">{field('entityType', 'search', 'audit-types')}</div>
        <div className="col-12 col-md-6 col-lg-4">{field('entityId')}</div>
        <div className="col-6 col-lg-4">{field('from', 'date')}</div>
        <div className="col-6 col-lg-4">{field('to', 'date')}</div>
      </div>
      <datalist id="audit-actions">
        {KNOWN_ACTIONS.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <datalist id="audit-types">
        {KNOWN_TYPES.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <div className="d-flex gap-2 mt-3">
        <Button type="submit" color="primary" size="sm">
          {t('common.search')}
        </Button>
        <Button type="button" color="secondary" outline size="sm" onClick={() => onChange({})}>
          {t('common.reset')}
        </Button>
      </div>
    </form>
  );
}

function Details({ details }: { details: AuditEntry['details'] }) {
  const { t } = useTranslation();
  if (!details || Object.keys(details).length === 0) return <>—</>;
  return (
    <details className="officina-details">
      <summary>{t('audit.showDetails')}</summary>
      <pre className="officina-mail-text mt-2">{JSON.stringify(details, null, 2)}</pre>
    </details>
  );
}

export default function AuditLogPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters: Filters = {};
  for (const key of KEYS) {
    const v = params.get(key);
    if (v) filters[key] = v;
  }
  const page = Math.max(1, Number(params.get('page')) || 1);
  const audit = useAudit(filters, page);
  const units = useAllUnits();
  const unitNames = useMemo(
    () => new Map((units.data?.items ?? []).map((u) => [u.id, u.name])),
    [units.data],
  );
  const go = (f: Filters, p = 1) => {
    const next: Record<string, string> = {};
    for (const key of KEYS) if (f[key]) next[key] = f[key] as string;
    if (p > 1) next.page = String(p);
    setParams(next);
  };

  return (
    <Page title={t('audit.title')} lead={t('audit.lead')}>
      <AuditFilters value={filters} onChange={(f) => go(f)} />
      <ErrorAlert error={audit.error} />
      {audit.isPending ? <Loading /> : null}
      {audit.data ? (
        <>
          <TableScroll label={t('audit.caption', { count: audit.data.total })}>
            <Table className="align-middle">
              <caption>{t('audit.caption', { count: audit.data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.entity')}</th>
                  <th scope="col">{t('audit.unit')}</th>
                  <th scope="col">{t('audit.details')}</th>
                  <th scope="col">{t('audit.ip')}</th>
                </tr>
              </thead>
              <tbody>
                {audit.data.items.length === 0 ? (
                  <tr>
                    <td colSpan={7}>{t('audit.none')}</td>
                  </tr>
                ) : (
                  audit.data.items.map((e) => (
                    <tr key={e.id}>
                      <th scope="row" className="text-nowrap">
                        {formatDateTime(e.at)}
                      </th>
                      <td>{e.actorEmail ?? t('audit.system')}</td>
                      <td>
                        <span className="font-monospace">{e.action}</span>
                      </td>
                      <td>
                        {e.entityType}
                        {e.entityId ? <span className="d-block small text-break">{e.entityId}</span> : null}
                      </td>
                      <td>{e.unitId === null ? '—' : (unitNames.get(e.unitId) ?? e.unitId)}</td>
                      <td>
                        <Details details={e.details} />
                      </td>
                      <td>{e.ip ?? '—'}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </Table>
          </TableScroll>
          <Pagination
            page={audit.data.page}
            pageSize={audit.data.pageSize || PAGE_SIZE}
            total={audit.data.total}
            label={t('audit.pages')}
            onPage={(p) => go(filters, p)}
          />
        </>
      ) : null}
    </Page>
  );
}
