import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapacityThresholdRow, ThresholdInput } from '../../../common/capacity-api';
import { formatPercent, parsePercent } from '../../../common/money';
import { UNIT_TYPES } from '../../../common/units';
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert';
import { ChoiceField, TextField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { TableScroll } from '../../components/TableScroll';
import { useDeleteThreshold, useSaveThreshold, useThresholds } from './api';

type Form = Record<
  'unitType' | 'minPopulation' | 'maxPopulation' | 'threshold' | 'validFromYear' | 'validToYear' | 'source',
  string
>;
const EMPTY: Form = {
  unitType: 'provincia',
  minPopulation: '0',
  maxPopulation: '',
  threshold: '',
  validFromYear: '2022',
  validToYear: '',
  source: '',
};
const whole = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : Number.NaN);
const wholeOrNull = (v: string) => (v.trim() === '' ? null : whole(v));

/** The DM 11 gennaio 2022 thresholds: read by the restructuring pages, kept by national admins with a source. */
export default function ThresholdsPage() {
  const { t, i18n } = useTranslation();
  const list = useThresholds();
  const save = useSaveThreshold();
  const remove = useDeleteThreshold();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [form, setForm] = useState<Form>(EMPTY);
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const nf = new Intl.NumberFormat(i18n.language.startsWith('en') ? 'en-GB' : 'it-IT');
  const server = fieldErrors(save.error);
  const err = (k: string) => invalid[k] ?? server[k];
  const set = (k: keyof Form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  const open = (row: CapacityThresholdRow | null) => {
    save.reset();
    setInvalid({});
    setEditing(row ? row.id : 'new');
    setForm(
      row
        ? {
            unitType: row.unitType,
            minPopulation: String(row.minPopulation),
            maxPopulation: row.maxPopulation === null ? '' : String(row.maxPopulation),
            threshold: formatPercent(row.thresholdBp, 'it').replace('%', ''),
            validFromYear: String(row.validFromYear),
            validToYear: row.validToYear === null ? '' : String(row.validToYear),
            source: row.source,
          }
        : EMPTY,
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bp = parsePercent(form.threshold);
    const body = {
      unitType: form.unitType as ThresholdInput['unitType'],
      minPopulation: whole(form.minPopulation),
      maxPopulation: wholeOrNull(form.maxPopulation),
      thresholdBp: bp === 'invalid' ? Number.NaN : bp,
      validFromYear: whole(form.validFromYear),
      validToYear: wholeOrNull(form.validToYear),
      source: form.source,
    };
    const bad: Record<string, string> = {};
    for (const [k, v] of Object.entries(body))
      if (typeof v === 'number' && Number.isNaN(v)) bad[k] = t('capacity.rules.badValue');
    if (bp === 'invalid') bad.thresholdBp = t('capacity.rules.badPercent');
    setInvalid(bad);
    if (Object.keys(bad).length) return;
    save.mutate(
      { id: editing === 'new' || editing === null ? null : editing, body },
      { onSuccess: () => setEditing(null) },
    );
  };

  const rows = list.data?.items ?? [];
  return (
    <Page title={t('capacity.rules.title')} lead={t('capacity.rules.lead')}>
      <ErrorAlert error={list.error ?? remove.error} />
      {list.isPending ? <Loading /> : null}
      <TableScroll label={t('capacity.rules.caption')}>
        <table className="table align-middle">
          <caption>{t('capacity.rules.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('capacity.rules.unitType')}</th>
              <th scope="col">{t('capacity.rules.band')}</th>
              <th scope="col">{t('capacity.rules.threshold')}</th>
              <th scope="col">{t('capacity.rules.validity')}</th>
              <th scope="col">{t('capacity.rules.source')}</th>
              {list.data?.canEdit ? <th scope="col">{t('capacity.rules.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">{t(`unitTypes.${row.unitType}`)}</th>
                <td>
                  {row.maxPopulation === null
                    ? t('capacity.rules.from', { min: nf.format(row.minPopulation) })
                    : t('capacity.rules.range', {
                        min: nf.format(row.minPopulation),
                        max: nf.format(row.maxPopulation - 1),
                      })}
                </td>
                <td>{formatPercent(row.thresholdBp, i18n.language)}</td>
                <td>
                  {row.validToYear === null
                    ? t('capacity.rules.since', { from: row.validFromYear })
                    : `${row.validFromYear}–${row.validToYear}`}
                </td>
                <td className="small">{row.source}</td>
                {list.data?.canEdit ? (
                  <td className="text-nowrap">
                    <Button size="xs" color="primary" outline className="me-2" onClick={() => open(row)}>
                      {t('capacity.rules.edit')}
                    </Button>
                    <Button
                      size="xs"
                      color="danger"
                      outline
                      disabled={remove.isPending}
                      onClick={() => remove.mutate(row.id)}
                    >
                      {t('capacity.rules.remove')}
                    </Button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {list.data?.canEdit && editing === null ? (
        <Button color="primary" onClick={() => open(null)}>
          {t('capacity.rules.add')}
        </Button>
      ) : null}
      {editing !== null ? (
        <form onSubmit={submit} noValidate className="mt-4" aria-labelledby="threshold-form-title">
          <h2 id="threshold-form-title" className="h4">
            {editing === 'new' ? t('capacity.rules.add') : t('capacity.rules.edit')}
          </h2>
          <ErrorAlert error={save.error} />
          <div className="row">
            <div className="col-12 col-md-4">
              <ChoiceField
                id="th-type"
                label={t('capacity.rules.unitType')}
                value={form.unitType}
                onChange={set('unitType')}
                choices={UNIT_TYPES.map((u) => ({ value: u, label: t(`unitTypes.${u}`) }))}
              />
            </div>
            <div className="col-6 col-md-4">
              <TextField
                id="th-min"
                inputMode="numeric"
                label={t('capacity.rules.min')}
                value={form.minPopulation}
                onChange={set('minPopulation')}
                error={err('minPopulation')}
              />
            </div>
            <div className="col-6 col-md-4">
              <TextField
                id="th-max"
                inputMode="numeric"
                label={t('capacity.rules.max')}
                value={form.maxPopulation}
                onChange={set('maxPopulation')}
                error={err('maxPopulation')}
                hint={t('capacity.rules.maxHint')}
              />
            </div>
            <div className="col-12 col-md-4">
              <TextField
                id="th-bp"
                inputMode="decimal"
                label={t('capacity.rules.threshold')}
                value={form.threshold}
                onChange={set('threshold')}
                error={err('thresholdBp')}
                hint={t('capacity.rules.percentHint')}
              />
            </div>
            <div className="col-6 col-md-4">
              <TextField
                id="th-from"
                inputMode="numeric"
                label={t('capacity.rules.fromYear')}
                value={form.validFromYear}
                onChange={set('validFromYear')}
                error={err('validFromYear')}
              />
            </div>
            <div className="col-6 col-md-4">
              <TextField
                id="th-to"
                inputMode="numeric"
                label={t('capacity.rules.toYear')}
                value={form.validToYear}
                onChange={set('validToYear')}
                error={err('validToYear')}
              />
            </div>
          </div>
          <TextField
            id="th-source"
            label={t('capacity.rules.source')}
            value={form.source}
            onChange={set('source')}
            error={err('source')}
            required
          />
          <div className="d-flex gap-2">
            <Button type="submit" color="primary" disabled={save.isPending}>
              {t('capacity.form.save')}
            </Button>
            <Button type="button" color="secondary" outline onClick={() => setEditing(null)}>
              {t('capacity.form.cancel')}
            </Button>
          </div>
        </form>
      ) : null}
    </Page>
  );
}
