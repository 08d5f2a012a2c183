import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapacityInput, CapacityView } from '../../../common/capacity-api';
import { euroInput, parseEuro } from '../../../common/money';
import { ApiError } from '../../api/client';
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert';
import { TextField } from '../../components/Field';
import { useSaveCapacity } from './api';

const MONEY = [
  'personnelSpendingCents',
  'revenue0',
  'revenue1',
  'revenue2',
  'fcdeCents',
  'plannedHiresCostCents',
] as const;
type MoneyField = (typeof MONEY)[number];

const count = (v: string) => (v.trim() === '' ? null : /^\d+$/.test(v.trim()) ? Number(v) : Number.NaN);

/** The year's figures, typed in euro with comma decimals and sent as exact cents, at the revision seen. */
export function CapacityForm({ view, onDone }: { view: CapacityView; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveCapacity(view.unit.id, view.year);
  const f = view.figures;
  const [form, setForm] = useState({
    personnelSpendingCents: euroInput(f.personnelSpendingCents),
    revenue0: euroInput(f.revenueCents[0]),
    revenue1: euroInput(f.revenueCents[1]),
    revenue2: euroInput(f.revenueCents[2]),
    fcdeCents: euroInput(f.fcdeCents),
    plannedHiresCostCents: euroInput(f.plannedHiresCostCents),
    rendicontoYear: f.rendicontoYear?.toString() ?? '',
    plannedHires: f.plannedHires?.toString() ?? '',
    actualHires: f.actualHires?.toString() ?? '',
    source: f.source,
  });
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((s) => ({ ...s, [k]: e.target.value }));
  const server = fieldErrors(save.error);
  const err = (k: string) => invalid[k] ?? server[k];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad: Record<string, string> = {};
    const money = {} as Record<MoneyField, number | null>;
    for (const k of MONEY) {
      const v = parseEuro(form[k]);
      if (v === 'invalid') bad[k] = t('capacity.form.badEuro');
      else money[k] = v;
    }
    const ints = {
      rendicontoYear: count(form.rendicontoYear),
      plannedHires: count(form.plannedHires),
      actualHires: count(form.actualHires),
    };
    for (const [k, v] of Object.entries(ints)) if (Number.isNaN(v)) bad[k] = t('capacity.form.badNumber');
    setInvalid(bad);
    if (Object.keys(bad).length) return;
    const body: CapacityInput = {
      revision: view.revision,
      personnelSpendingCents: money.personnelSpendingCents,
      revenueCents: [money.revenue0, money.revenue1, money.revenue2],
      rendicontoYear: ints.rendicontoYear,
      fcdeCents: money.fcdeCents,
      plannedHires: ints.plannedHires,
      actualHires: ints.actualHires,
      plannedHiresCostCents: money.plannedHiresCostCents,
      source: form.source,
    };
    save.mutate(body, { onSuccess: onDone });
  };

  const stale = save.error instanceof ApiError && save.error.status === 409;
  const euro = (k: MoneyField, label: string) => (
    <TextField
      id={`cap-${k}`}
      label={label}
      inputMode="decimal"
      value={form[k]}
      onChange={set(k)}
      error={err(k)}
      hint={t('capacity.form.euroHint')}
    />
  );
  return (
    <form onSubmit={submit} noValidate aria-labelledby="capacity-form-title">
      <h2 id="capacity-form-title" className="h4">
        {t('capacity.form.title', { year: view.year })}
      </h2>
      {stale ? (
        <div className="alert alert-warning" role="alert">
          {(save.error as ApiError).message}
        </div>
      ) : (
        <ErrorAlert error={save.error} />
      )}
      <div className="row">
        <div className="col-12 col-md-6">{euro('personnelSpendingCents', t('capacity.fields.spending'))}</div>
        <div className="col-12 col-md-6">{euro('fcdeCents', t('capacity.fields.fcde'))}</div>
        <div className="col-12 col-md-4">{euro('revenue0', t('capacity.fields.revenueN', { n: 1 }))}</div>
        <div className="col-12 col-md-4">{euro('revenue1', t('capacity.fields.revenueN', { n: 2 }))}</div>
        <div className="col-12 col-md-4">{euro('revenue2', t('capacity.fields.revenueN', { n: 3 }))}</div>
        <div className="col-12 col-md-4">
          <TextField
            id="cap-rendiconto"
            inputMode="numeric"
            label={t('capacity.fields.rendicontoYear')}
            value={form.rendicontoYear}
            onChange={set('rendicontoYear')}
            error={err('rendicontoYear')}
          />
        </div>
        <div className="col-6 col-md-4">
          <TextField
            id="cap-planned"
            inputMode="numeric"
            label={t('capacity.fields.plannedHires')}
            value={form.plannedHires}
            onChange={set('plannedHires')}
            error={err('plannedHires')}
          />
        </div>
        <div className="col-6 col-md-4">
          <TextField
            id="cap-actual"
            inputMode="numeric"
            label={t('capacity.fields.actualHires')}
            value={form.actualHires}
            onChange={set('actualHires')}
            error={err('actualHires')}
          />
        </div>
        <div className="col-12 col-md-6">
          {euro('plannedHiresCostCents', t('capacity.fields.plannedCost'))}
        </div>
        <div className="col-12 col-md-6">
          <TextField
            id="cap-source"
            label={t('capacity.fields.source')}
            value={form.source}
            onChange={set('source')}
            error={err('source')}
          />
        </div>
      </div>
      <div className="d-flex gap-2">
        <Button type="submit" color="primary" disabled={save.isPending}>
          {t('capacity.form.save')}
        </Button>
        <Button type="button" color="secondary" outline onClick={onDone}>
          {t('capacity.form.cancel')}
        </Button>
      </div>
    </form>
  );
}
