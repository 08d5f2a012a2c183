import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_TYPES, type Unit, type UnitInput } from '../../../common/units';
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert';
import { SelectField, TextField } from '../../components/Field';

type Draft = Record<Exclude<keyof UnitInput, 'programmePhase'>, string> & { programmePhase: string };

function toDraft(u: Unit | null): Draft {
  return {
    istatCode: u?.istatCode ?? '',
    provinceCode: u?.provinceCode ?? '',
    name: u?.name ?? '',
    sigla: u?.sigla ?? '',
    regionCode: u?.regionCode ?? '',
    regionName: u?.regionName ?? '',
    unitType: u?.unitType ?? 'provincia',
    regionStatute: u?.regionStatute ?? 'ordinario',
    programmePhase: u?.programmePhase ? String(u.programmePhase) : '',
    validFrom: u?.validFrom ?? '',
    validTo: u?.validTo ?? '',
  };
}

function toInput(d: Draft): UnitInput {
  return {
    istatCode: d.istatCode.trim(),
    provinceCode: d.provinceCode.trim(),
    name: d.name.trim(),
    sigla: d.sigla.trim().toUpperCase(),
    regionCode: d.regionCode.trim(),
    regionName: d.regionName.trim(),
    unitType: d.unitType as UnitInput['unitType'],
    regionStatute: d.regionStatute === 'speciale' ? 'speciale' : 'ordinario',
    programmePhase: d.programmePhase === '1' ? 1 : d.programmePhase === '2' ? 2 : null,
    validFrom: d.validFrom || null,
    validTo: d.validTo || null,
  };
}

export function UnitForm({
  unit,
  onSubmit,
  pending,
  error,
}: {
  unit: Unit | null;
  onSubmit: (input: UnitInput) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(() => toDraft(unit));
  const errors = fieldErrors(error);
  const text = (
    key: keyof Draft,
    extra: { maxLength?: number; hint?: string; inputMode?: 'numeric' } = {},
  ) => (
    <TextField
      id={`unit-${key}`}
      label={t(`units.fields.${key}`)}
      value={d[key]}
      onChange={(e) => setD({ ...d, [key]: e.target.value })}
      error={errors[key]}
      required
      maxLength={extra.maxLength}
      inputMode={extra.inputMode}
      hint={extra.hint}
    />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(toInput(d));
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorAlert error={error} />
      <div className="row">
        <div className="col-12 col-md-6">{text('name', { maxLength: 120 })}</div>
        <div className="col-6 col-md-3">{text('sigla', { maxLength: 2, hint: t('units.hints.sigla') })}</div>
        <div className="col-6 col-md-3">
          {text('istatCode', { maxLength: 3, inputMode: 'numeric', hint: t('units.hints.threeDigits') })}
        </div>
        <div className="col-6 col-md-3">
          {text('provinceCode', { maxLength: 3, inputMode: 'numeric', hint: t('units.hints.threeDigits') })}
        </div>
        <div className="col-6 col-md-3">
          {text('regionCode', { maxLength: 2, inputMode: 'numeric', hint: t('units.hints.twoDigits') })}
        </div>
        <div className="col-12 col-md-6">{text('regionName', { maxLength: 80 })}</div>
        <div className="col-12 col-md-6">
          <SelectField
            id="unit-unitType"
            label={t('units.fields.unitType')}
            value={d.unitType}
            onChange={(e) => setD({ ...d, unitType: e.target.value })}
            error={errors.unitType}
          >
            {UNIT_TYPES.map((ut) => (
              <option key={ut} value={ut}>
                {t(`unitTypes.${ut}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            id="unit-regionStatute"
            label={t('units.fields.regionStatute')}
            value={d.regionStatute}
            onChange={(e) => setD({ ...d, regionStatute: e.target.value })}
            error={errors.regionStatute}
          >
            <option value="ordinario">{t('units.statute.ordinario')}</option>
            <option value="speciale">{t('units.statute.speciale')}</option>
          </SelectField>
        </div>
        <div className="col-12 col-md-4">
          <SelectField
            id="unit-programmePhase"
            label={t('units.fields.programmePhase')}
            value={d.programmePhase}
            onChange={(e) => setD({ ...d, programmePhase: e.target.value })}
            error={errors.programmePhase}
          >
            <option value="">{t('units.notInProgramme')}</option>
            <option value="1">{t('units.phase', { phase: 1 })}</option>
            <option value="2">{t('units.phase', { phase: 2 })}</option>
          </SelectField>
        </div>
        <div className="col-6 col-md-4">
          <TextField
            id="unit-validFrom"
            type="date"
            label={t('units.fields.validFrom')}
            value={d.validFrom}
            onChange={(e) => setD({ ...d, validFrom: e.target.value })}
            error={errors.validFrom}
          />
        </div>
        <div className="col-6 col-md-4">
          <TextField
            id="unit-validTo"
            type="date"
            label={t('units.fields.validTo')}
            value={d.validTo}
            onChange={(e) => setD({ ...d, validTo: e.target.value })}
            error={errors.validTo}
          />
        </div>
      </div>
      <Button type="submit" color="primary" className="mt-3" disabled={pending}>
        {t('common.save')}
      </Button>
    </form>
  );
}
