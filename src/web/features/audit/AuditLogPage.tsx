import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { auditEntry } from '../../../common/admin';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../../../common/audit';
import { romeDayBoundary } from '../../../common/rome-time';
import { api, type Paged } from '../../api/client';
import { ChoiceField, TextField } from '../../components/Field';
import { FiltersPanel } from '../../components/FiltersPanel';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/Page';
import { PagedResults, ResultsTable } from '../../components/ResultsTable';
import { useUrlFilters } from '../../components/urlFilters';
import { useAllUnits } from '../units/api';
import { type DetailLine, detailLines } from './details';
import { actionLabel, entityLabel } from './labels';

type AuditEntry = z.infer<typeof auditEntry>;
const KEYS = ['actor', 'action', 'entityType', 'entityId', 'from', 'to'] as const;
type Filters = Partial<Record<(typeof KEYS)[number], string>>;
const PAGE_SIZE = 50;

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

/** The actions and kinds of object as choices, sorted by what they read as in the current language. */
function useChoices() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  return useMemo(() => {
    const sorted = (items: { value: string; label: string }[]) =>
      items.sort((x, y) => x.label.localeCompare(y.label, lang));
    return {
      actions: sorted(AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a, lang) }))),
      types: sorted(AUDIT_ENTITY_TYPES.map((e) => ({ value: e, label: entityLabel(e, lang) }))),
    };
  }, [lang]);
}

function AuditFilters({ value, onChange }: { value: Filters; onChange: (f: Filters) => void }) {
  const { t } = useTranslation();
  const choices = useChoices();
  return (
    <FiltersPanel label={t('audit.filters')} value={value} onApply={onChange} onReset={() => onChange({})}>
      {(draft, set) => {
        const text = (key: (typeof KEYS)[number], type: 'search' | 'date' = 'search') => (
          <TextField
            id={`audit-${key}`}
            type={type}
            label={t(`audit.${key}`)}
            value={draft[key] ?? ''}
            autoComplete="off"
            onChange={(e) => set({ [key]: e.target.value })}
          />
        );
        const choice = (key: 'action' | 'entityType', items: { value: string; label: string }[]) => (
          <ChoiceField
            id={`audit-${key}`}
            label={t(`audit.${key}`)}
            value={draft[key] ?? ''}
            choices={items}
            empty={t(key === 'action' ? 'audit.anyAction' : 'audit.anyType')}
            onChange={(e) => set({ [key]: e.target.value })}
          />
        );
        return (
          <>
            <div className="col-12 col-md-6 col-lg-4">{text('actor')}</div>
            <div className="col-12 col-md-6 col-lg-4">{choice('action', choices.actions)}</div>
            <div className="col-12 col-md-6 col-lg-4">{choice('entityType', choices.types)}</div>
            <div className="col-6 col-lg-4">{text('from', 'date')}</div>
            <div className="col-6 col-lg-4">{text('to', 'date')}</div>
          </>
        );
      }}
    </FiltersPanel>
  );
}

function DetailList({ lines }: { lines: DetailLine[] }) {
  return (
    <dl className="officina-audit-details mb-0">
      {lines.map((l) => (
        <div key={l.key}>
          <dt>{l.label}</dt>
          <dd className="text-break">{l.children ? <DetailList lines={l.children} /> : l.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Details({ details }: { details: AuditEntry['details'] }) {
  const { t, i18n } = useTranslation();
  if (!details || Object.keys(details).length === 0) return <>—</>;
  return (
    <details className="officina-details">
      <summary>{t('audit.showDetails')}</summary>
      <div className="mt-2">
        <DetailList lines={detailLines(details, i18n.language === 'en' ? 'en' : 'it')} />
      </div>
    </details>
  );
}

export default function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
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
      {filters.entityId ? (
        // An object's own history, reached from a link: said in words, with the way back to the whole log.
        <p className="d-flex flex-wrap align-items-center gap-2">
          {t('audit.onlyObject', { id: filters.entityId })}
          <button
            type="button"
            className="btn btn-link p-0"
            onClick={() => apply({ ...filters, entityId: undefined })}
          >
            {t('audit.allObjects')}
          </button>
        </p>
      ) : null}
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
                <td>
                  {e.actorEmail === null && e.actorId === null ? (
                    t('audit.system')
                  ) : (
                    <>
                      <span title={e.actorId ?? undefined}>{e.actorName ?? e.actorEmail}</span>
                      {e.actorName && e.actorEmail ? (
                        <span className="d-block small text-break">{e.actorEmail}</span>
                      ) : null}
                    </>
                  )}
                </td>
                <td>
                  <span title={e.action}>{actionLabel(e.action, lang)}</span>
                </td>
                <td>
                  {entityLabel(e.entityType, lang)}
                  {e.entityName ? <span className="d-block">{e.entityName}</span> : null}
                  {e.entityId ? (
                    <span className="d-block small text-break text-muted">
                      {t('audit.id', { id: e.entityId })}
                    </span>
                  ) : null}
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
