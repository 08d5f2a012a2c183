import { Badge, Button } from 'design-react-kit';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../../common/catalogue';
import { SuccessAlert } from '../../components/ErrorAlert';
import { ChoiceField, codeChoices } from '../../components/Field';
import { FiltersPanel } from '../../components/FiltersPanel';
import { formatDate } from '../../components/format';
import { Page } from '../../components/Page';
import { PagedResults, ResultsTable } from '../../components/ResultsTable';
import { useUrlFilters } from '../../components/urlFilters';
import { dateWords, useReferenceNames } from '../training/labels';
import { useUnitChoices } from '../units/api';
import { AgreementForm } from './AgreementForm';
import { AGREEMENTS_PAGE_SIZE, type AgreementFilters, useAgreements, useSaveAgreement } from './api';

const KEYS = ['unitId', 'serviceModel'] as const;

function Filters({ value, onChange }: { value: AgreementFilters; onChange: (f: AgreementFilters) => void }) {
  const { t } = useTranslation();
  const { reference } = useReferenceNames();
  const { units } = useUnitChoices();
  return (
    <FiltersPanel
      label={t('agreements.filters')}
      value={value}
      onApply={onChange}
      onReset={() => onChange({})}
    >
      {(draft, set) => (
        <>
          <div className="col-12 col-md-6">
            <ChoiceField
              id="agreements-unit"
              label={t('agreements.unit')}
              value={draft.unitId ?? ''}
              onChange={(e) => set({ unitId: e.target.value })}
              empty={t('users.allUnits')}
              choices={units}
            />
          </div>
          <div className="col-12 col-md-6">
            <ChoiceField
              id="agreements-service-model"
              label={t('training.serviceModel')}
              value={draft.serviceModel ?? ''}
              onChange={(e) => set({ serviceModel: e.target.value })}
              empty={t('calendar.allServiceModels')}
              choices={codeChoices(reference?.serviceModels)}
            />
          </div>
        </>
      )}
    </FiltersPanel>
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
    <ResultsTable
      hover
      caption={caption}
      columns={[
        t('agreements.unit'),
        t('training.serviceModel'),
        t('agreements.actReference'),
        t('agreements.signedOn'),
        t('agreements.validity'),
        t('agreements.state'),
        <span key="actions" className="visually-hidden">
          {t('common.actions')}
        </span>,
      ]}
      items={agreements}
      empty={t('agreements.none')}
      row={(a) => (
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
      )}
    />
  );
}

type Editing = { agreement: Agreement | null } | null;

export default function AgreementsPage() {
  const { t } = useTranslation();
  const { filters, apply, setPage } = useUrlFilters(KEYS);
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
      <Filters value={filters} onChange={apply} />
      <PagedResults
        query={agreements}
        pageSize={AGREEMENTS_PAGE_SIZE}
        pagesLabel={t('agreements.pages')}
        onPage={setPage}
      >
        {(data) => <AgreementsTable agreements={data.items} total={data.total} onEdit={open} />}
      </PagedResults>
    </Page>
  );
}
