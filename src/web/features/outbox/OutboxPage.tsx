import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Table } from 'design-react-kit';
import { type FormEvent, Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { outboxMessage } from '../../../common/admin';
import { api, type Paged, query } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField, TextField } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { TableScroll } from '../../components/TableScroll';
import { MessageText } from './MessageText';

type Message = z.infer<typeof outboxMessage>;
type Filters = { status?: string; to?: string };
const PAGE_SIZE = 25;
const STATUS_COLOR = { pending: 'warning', sent: 'success', failed: 'danger' } as const;

function OutboxFilters({ value, onChange }: { value: Filters; onChange: (f: Filters) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const applied = JSON.stringify(value);
  useEffect(() => setDraft(JSON.parse(applied) as Filters), [applied]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange(draft);
  };
  return (
    <form className="officina-filters" aria-label={t('outbox.filters')} onSubmit={submit}>
      <div className="row">
        <div className="col-12 col-md-8">
          <TextField
            id="outbox-to"
            type="search"
            label={t('outbox.to')}
            value={draft.to ?? ''}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </div>
        <div className="col-12 col-md-4">
          <SelectField
            id="outbox-status"
            label={t('outbox.status')}
            value={draft.status ?? ''}
            onChange={(e) => setDraft({ ...draft, status: e.target.value })}
          >
            <option value="">{t('outbox.anyStatus')}</option>
            {(['pending', 'sent', 'failed'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`outbox.statuses.${s}`)}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
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
  const [params, setParams] = useSearchParams();
  const filters: Filters = {};
  const status = params.get('status');
  const to = params.get('to');
  if (status) filters.status = status;
  if (to) filters.to = to;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const outbox = useQuery({
    queryKey: ['outbox', filters, page],
    queryFn: ({ signal }) =>
      api<Paged<Message>>(`/api/v1/outbox${query({ ...filters, page, pageSize: PAGE_SIZE })}`, { signal }),
    placeholderData: (previous) => previous,
  });
  const go = (f: Filters, p = 1) => {
    const next: Record<string, string> = {};
    if (f.status) next.status = f.status;
    if (f.to) next.to = f.to;
    if (p > 1) next.page = String(p);
    setParams(next);
  };

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
      <OutboxFilters value={filters} onChange={(f) => go(f)} />
      <ErrorAlert error={outbox.error} />
      {outbox.isPending ? <Loading /> : null}
      {outbox.data ? (
        <>
          <TableScroll label={t('outbox.caption', { count: outbox.data.total })}>
            <Table className="align-middle">
              <caption>{t('outbox.caption', { count: outbox.data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('outbox.createdAt')}</th>
                  <th scope="col">{t('outbox.to')}</th>
                  <th scope="col">{t('outbox.subject')}</th>
                  <th scope="col">{t('outbox.status')}</th>
                  <th scope="col">{t('outbox.attempts')}</th>
                  <th scope="col">{t('outbox.sentAt')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('outbox.message')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {outbox.data.items.length === 0 ? (
                  <tr>
                    <td colSpan={7}>{t('outbox.none')}</td>
                  </tr>
                ) : (
                  outbox.data.items.map((m) => <MessageRow key={m.id} m={m} />)
                )}
              </tbody>
            </Table>
          </TableScroll>
          <Pagination
            page={outbox.data.page}
            pageSize={outbox.data.pageSize || PAGE_SIZE}
            total={outbox.data.total}
            label={t('outbox.pages')}
            onPage={(p) => go(filters, p)}
          />
        </>
      ) : null}
    </Page>
  );
}
