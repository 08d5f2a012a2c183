import { useQuery } from '@tanstack/react-query';
import { Badge, Button } from 'design-react-kit';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { OUTBOX_STATUSES, type outboxMessage } from '../../../common/admin';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import { api, type Paged } from '../../api/client';
import { ChoiceField, TextField } from '../../components/Field';
import { FiltersPanel } from '../../components/FiltersPanel';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/Page';
import { PagedResults, ResultsTable } from '../../components/ResultsTable';
import { useUrlFilters } from '../../components/urlFilters';
import { MessageText } from './MessageText';

type Message = z.infer<typeof outboxMessage>;
const KEYS = ['status', 'to'] as const;
type Filters = Partial<Record<(typeof KEYS)[number], string>>;
const PAGE_SIZE = 25;
const STATUS_COLOR = { pending: 'warning', sent: 'success', failed: 'danger' } as const;

function OutboxFilters({ value, onChange }: { value: Filters; onChange: (f: Filters) => void }) {
  const { t } = useTranslation();
  return (
    <FiltersPanel label={t('outbox.filters')} value={value} onApply={onChange} onReset={() => onChange({})}>
      {(draft, set) => (
        <>
          <div className="col-12 col-md-8">
            <TextField
              id="outbox-to"
              type="search"
              label={t('outbox.to')}
              value={draft.to ?? ''}
              onChange={(e) => set({ to: e.target.value })}
            />
          </div>
          <div className="col-12 col-md-4">
            <ChoiceField
              id="outbox-status"
              label={t('outbox.status')}
              value={draft.status ?? ''}
              onChange={(e) => set({ status: e.target.value })}
              empty={t('outbox.anyStatus')}
              choices={OUTBOX_STATUSES.map((s) => ({ value: s, label: t(`outbox.statuses.${s}`) }))}
            />
          </div>
        </>
      )}
    </FiltersPanel>
  );
}

function MessageRow({ m }: { m: Message }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const bodyId = `outbox-body-${m.id}`;
  return (
    <Fragment>
      <tr>
        <td className="text-nowrap">{formatDateTime(m.createdAt)}</td>
        <td className="text-break">{m.toAddress}</td>
        <th scope="row">{m.subject}</th>
        <td>
          <Badge color={STATUS_COLOR[m.status]}>{t(`outbox.statuses.${m.status}`)}</Badge>
          {m.lastError ? <span className="d-block small text-break">{m.lastError}</span> : null}
        </td>
        <td>{m.attempts}</td>
        <td className="text-nowrap">{formatDateTime(m.sentAt)}</td>
        <td className="text-end">
          <Button
            color="primary"
            outline
            size="sm"
            aria-expanded={open}
            aria-controls={open ? bodyId : undefined}
            onClick={() => setOpen(!open)}
          >
            {open ? t('outbox.hide') : t('outbox.show')}
            <span className="visually-hidden"> {m.subject}</span>
          </Button>
        </td>
      </tr>
      {open ? (
        <tr>
          <td colSpan={7}>
            <MessageText id={bodyId} text={m.textBody} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}

export default function OutboxPage() {
  const { t } = useTranslation();
  const { filters: url, apply, setPage } = useUrlFilters(KEYS);
  const { page, ...filters } = url;
  const outbox = useQuery({
    queryKey: ['outbox', filters, page],
    queryFn: ({ signal }) =>
      api<Paged<Message>>(apiUrl(apiRoutes.mail.outbox, {}, { ...filters, page, pageSize: PAGE_SIZE }), {
        signal,
      }),
    placeholderData: (previous) => previous,
  });

  return (
    <Page
      title={t('outbox.title')}
      lead={t('outbox.lead')}
      actions={
        <Button color="primary" outline onClick={() => void outbox.refetch()} disabled={outbox.isFetching}>
          {t('outbox.refresh')}
        </Button>
      }
    >
      <OutboxFilters value={filters} onChange={apply} />
      <PagedResults query={outbox} pageSize={PAGE_SIZE} pagesLabel={t('outbox.pages')} onPage={setPage}>
        {(data) => (
          <ResultsTable
            caption={t('outbox.caption', { count: data.total })}
            columns={[
              t('outbox.createdAt'),
              t('outbox.to'),
              t('outbox.subject'),
              t('outbox.status'),
              t('outbox.attempts'),
              t('outbox.sentAt'),
              <span key="message" className="visually-hidden">
                {t('outbox.message')}
              </span>,
            ]}
            items={data.items}
            empty={t('outbox.none')}
            row={(m) => <MessageRow key={m.id} m={m} />}
          />
        )}
      </PagedResults>
    </Page>
  );
}
