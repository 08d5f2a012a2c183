import { Badge, Button, Table } from 'design-react-kit';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Agreement } from '../../../common/catalogue';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { TableScroll } from '../../components/TableScroll';
import { dateWords, useReferenceNames } from '../training/labels';
import { useAllUnits } from '../units/api';
import { AgreementForm } from './AgreementForm';
import { AGREEMENTS_PAGE_SIZE, type AgreementFilters, useAgreements, useSaveAgreement } from './api';

function read(params: URLSearchParams): AgreementFilters {
  const page = Number(params.get('page'));
  return {
    unitId: params.get('unitId') ?? '',
    serviceModel: params.get('serviceModel') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function write(f: AgreementFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.unitId) out.unitId = f.unitId;
  if (f.serviceModel) out.serviceModel = f.serviceModel;
  if (f.page && f.page > 1) out.page = String(f.page);
  return out;
}

function Filters({ value, onChange }: { value: AgreementFilters; onChange: (f: AgreementFilters) => void }) {
  const { t } = useTranslation();
  const { reference } = useReferenceNames();
  const units = useAllUnits();
  const [draft, setDraft] = useState(value);
  const applied = JSON.stringify(value);
  useEffect(() => setDraft(JSON.parse(applied) as AgreementFilters), [applied]);
  const unitOptions = useMemo(
    () => [...(units.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'it')),
    [units.data],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ ...draft, page: 1 });
  };
  return (
    <form className="officina-filters" onSubmit={submit} aria-label={t('agreements.filters')}>
      <div className="row">
        <div className="col-12 col-md-6">
          <SelectField
            id="agreements-unit"
            label={t('agreements.unit')}
            value={draft.unitId ?? ''}
            onChange={(e) => setDraft({ ...draft, unitId: e.target.value })}
          >
            <option value="">{t('users.allUnits')}</option>
            {unitOptions.map((u) => (
              <option key={u.id} value={String(u.id)}>
                {u.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            id="agreements-service-model"
            label={t('training.serviceModel')}
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

function AgreementsTable({
  agreements,
  total,
  onEdit,
}: {
  agreements: Agreement[];
  total: number;
  onEdit: (a: Agreement) => void;
}) {
  const { t } = useTranslation();
  const caption = t('agreements.caption', { count: total });
  return (
    <TableScroll label={caption}>
      <Table hover className="align-middle">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agreements.unit')}</th>
            <th scope="col">{t('training.serviceModel')}</th>
            <th scope="col">{t('agreements.actReference')}</th>
            <th scope="col">{t('agreements.signedOn')}</th>
            <th scope="col">{t('agreements.validity')}</th>
            <th scope="col">{t('agreements.state')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {agreements.length === 0 ? (
            <tr>
              <td colSpan={7}>{t('agreements.none')}</td>
            </tr>
          ) : (
            agreements.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.unitName}</th>
                <td>{a.serviceModelName}</td>
                <td>{a.actReference}</td>
                <td>{formatDate(a.signedOn)}</td>
                <td>
                  {a.validTo
                    ? t('training.fromTo', dateWords(formatDate(a.validFrom), formatDate(a.validTo)))
                    : t('agreements.since', dateWords(formatDate(a.validFrom)))}
                </td>
                <td>
                  {a.active ? (
                    <Badge color="success">{t('agreements.active')}</Badge>
                  ) : (
                    <Badge color="secondary">{t('agreements.inactive')}</Badge>
                  )}
                </td>
                <td className="text-end">
                  <Button color="primary" outline size="xs" onClick={() => onEdit(a)}>
                    {t('common.edit')}
                    <span className="visually-hidden">
                      {' '}
                      {a.unitName} — {a.serviceModelName}
                    </span>
                  </Button>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
    </TableScroll>
  );
}

type Editing = { agreement: Agreement | null } | null;

export default function AgreementsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = read(params);
  const agreements = useAgreements(filters);
  const save = useSaveAgreement();
  const [editing, setEditing] = useState<Editing>(null);
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (editing) heading.current?.focus();
  }, [editing]);
  const open = (agreement: Agreement | null) => {
    save.reset();
    setDone(null);
    setEditing({ agreement });
  };
  return (
    <Page
      title={t('agreements.title')}
      lead={t('agreements.lead')}
      actions={
        <Button color="primary" onClick={() => open(null)}>
          {t('agreements.create')}
        </Button>
      }
    >
      {done ? <SuccessAlert>{done}</SuccessAlert> : null}
      {editing ? (
        <section className="officina-filters pt-1 mb-4" aria-labelledby="agreement-form-title">
          <h2 id="agreement-form-title" className="h4 mt-3" tabIndex={-1} ref={heading}>
            {editing.agreement
              ? t('agreements.editTitleOf', {
                  unit: editing.agreement.unitName,
                  model: editing.agreement.serviceModelName,
                })
              : t('agreements.create')}
          </h2>
          <AgreementForm
            key={editing.agreement?.id ?? 'new'}
            agreement={editing.agreement}
            pending={save.isPending}
            error={save.error}
            onCancel={() => setEditing(null)}
            onSubmit={(input) =>
              save.mutate(
                { id: editing.agreement?.id ?? null, input },
                {
                  onSuccess: (a) => {
                    setEditing(null);
                    setDone(t('agreements.saved', { unit: a.unitName, model: a.serviceModelName }));
                  },
                },
              )
            }
          />
        </section>
      ) : null}
      <Filters value={filters} onChange={(f) => setParams(write(f))} />
      <ErrorAlert error={agreements.error} />
      {agreements.isPending ? <Loading /> : null}
      {agreements.data ? (
        <>
          <AgreementsTable agreements={agreements.data.items} total={agreements.data.total} onEdit={open} />
          <Pagination
            page={agreements.data.page}
            pageSize={agreements.data.pageSize || AGREEMENTS_PAGE_SIZE}
            total={agreements.data.total}
            label={t('agreements.pages')}
            onPage={(page) => setParams(write({ ...filters, page }))}
          />
        </>
      ) : null}
    </Page>
  );
}
