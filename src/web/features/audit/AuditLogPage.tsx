import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { auditEntry } from '../../../common/admin';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import { romeDayBoundary } from '../../../common/rome-time';
import { api, type Paged } from '../../api/client';
import { TextField } from '../../components/Field';
import { FiltersPanel } from '../../components/FiltersPanel';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/Page';
import { PagedResults, ResultsTable } from '../../components/ResultsTable';
import { useUrlFilters } from '../../components/urlFilters';
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
        apiUrl(
          apiRoutes.audit.log,
          {},
          {
            ...filters,
            from: filters.from ? romeDayBoundary(filters.from, 'start') : undefined,
            to: filters.to ? romeDayBoundary(filters.to, 'end') : undefined,
            page,
            pageSize: PAGE_SIZE,
          },
        ),
        { signal },
      ),
    placeholderData: (previous) => previous,
  });
}

function AuditFilters({ value, onChange }: { value: Filters; onChange: (f: Filters) => void }) {
  const { t } = useTranslation();
  return (
    <FiltersPanel
      label={t('audit.filters')}
      value={value}
      onApply={onChange}
      onReset={() => onChange({})}
      after={() => (
        <>
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
        </>
      )}
    >
      {(draft, set) => {
        const text = (key: (typeof KEYS)[number], type: 'search' | 'date' = 'search', list?: string) => (
          <TextField
            id={`audit-${key}`}
            type={type}
            label={t(`audit.${key}`)}
            value={draft[key] ?? ''}
            list={list}
            autoComplete="off"
            onChange={(e) => set({ [key]: e.target.value })}
          />
        );
        return (
          <>
            <div className="col-12 col-md-6 col-lg-4">{text('actor')}</div>
            <div className="col-12 col-md-6 col-lg-4">{text('action', 'search', 'audit-actions')}</div>
            <div className="col-12 col-md-6 col-lg-4">{text('entityType', 'search', 'audit-types')}</div>
            <div className="col-12 col-md-6 col-lg-4">{text('entityId')}</div>
            <div className="col-6 col-lg-4">{text('from', 'date')}</div>
            <div className="col-6 col-lg-4">{text('to', 'date')}</div>
          </>
        );
      }}
    </FiltersPanel>
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
  const { filters: url, apply, setPage } = useUrlFilters(KEYS);
  const { page, ...filters } = url;
  const audit = useAudit(filters, page);
  const units = useAllUnits();
  const unitNames = useMemo(
    () => new Map((units.data?.items ?? []).map((u) => [u.id, u.name])),
    [units.data],
  );

  return (
    <Page title={t('audit.title')} lead={t('audit.lead')}>
      <AuditFilters value={filters} onChange={apply} />
      <PagedResults query={audit} pageSize={PAGE_SIZE} pagesLabel={t('audit.pages')} onPage={setPage}>
        {(data) => (
          <ResultsTable
            caption={t('audit.caption', { count: data.total })}
            columns={[
              t('audit.at'),
              t('audit.actor'),
              t('audit.action'),
              t('audit.entity'),
              t('audit.unit'),
              t('audit.details'),
              t('audit.ip'),
            ]}
            items={data.items}
            empty={t('audit.none')}
            row={(e) => (
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
            )}
          />
        )}
      </PagedResults>
    </Page>
  );
}
