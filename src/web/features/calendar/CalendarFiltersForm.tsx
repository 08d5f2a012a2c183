import { Button } from 'design-react-kit';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DELIVERY_MODES } from '../../../common/catalogue';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { useReferenceNames } from '../training/labels';
import { useAllUnits } from '../units/api';
import type { CalendarFilters } from './filters';

/** The calendar's filters; applied on submit, so that the address changes once per search. */
export function CalendarFiltersForm({
  value,
  onChange,
}: {
  value: CalendarFilters;
  onChange: (f: CalendarFilters) => void;
}) {
  const { t } = useTranslation();
  const { reference } = useReferenceNames();
  const units = useAllUnits();
  const [draft, setDraft] = useState(value);
  // Follow the address (back button, view switch, reset) without losing what is being typed.
  const applied = JSON.stringify(value);
  useEffect(() => setDraft(JSON.parse(applied) as CalendarFilters), [applied]);

  const unitOptions = useMemo(
    () => [...(units.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'it')),
    [units.data],
  );
  const regions = useMemo(
    () =>
      [...new Set((units.data?.items ?? []).map((u) => u.regionName))].sort((a, b) =>
        a.localeCompare(b, 'it'),
      ),
    [units.data],
  );
  const set = (patch: Partial<CalendarFilters>) => setDraft({ ...draft, ...patch });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ ...draft, page: 1 });
  };

  return (
    <form className="officina-filters" onSubmit={submit} aria-label={t('calendar.filters')}>
      <div className="row">
        <div className="col-12 col-lg-6">
          <TextField
            id="cal-q"
            type="search"
            label={t('calendar.search')}
            value={draft.q ?? ''}
            onChange={(e) => set({ q: e.target.value })}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <SelectField
            id="cal-domain"
            label={t('calendar.domain')}
            value={draft.domain ?? ''}
            onChange={(e) => set({ domain: e.target.value })}
          >
            <option value="">{t('calendar.allDomains')}</option>
            {(reference?.domains ?? []).map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <SelectField
            id="cal-service-model"
            label={t('calendar.serviceModel')}
            value={draft.serviceModel ?? ''}
            onChange={(e) => set({ serviceModel: e.target.value })}
          >
            <option value="">{t('calendar.allServiceModels')}</option>
            {(reference?.serviceModels ?? []).map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <SelectField
            id="cal-mode"
            label={t('calendar.mode')}
            value={draft.mode ?? ''}
            onChange={(e) => set({ mode: e.target.value })}
          >
            <option value="">{t('calendar.allModes')}</option>
            {DELIVERY_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`modes.${m}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <SelectField
            id="cal-unit"
            label={t('calendar.unit')}
            hint={t('calendar.unitHint')}
            value={draft.unit ?? ''}
            onChange={(e) => set({ unit: e.target.value })}
          >
            <option value="">{t('calendar.anyUnit')}</option>
            {unitOptions.map((u) => (
              <option key={u.id} value={String(u.id)}>
                {u.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <SelectField
            id="cal-region"
            label={t('calendar.region')}
            hint={t('calendar.regionHint')}
            value={draft.region ?? ''}
            onChange={(e) => set({ region: e.target.value })}
          >
            <option value="">{t('calendar.allRegions')}</option>
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </SelectField>
        </div>
        {draft.view === 'list' ? (
          <>
            <div className="col-6 col-lg-3">
              <TextField
                id="cal-from"
                type="date"
                label={t('calendar.from')}
                value={draft.from ?? ''}
                onChange={(e) => set({ from: e.target.value || undefined })}
              />
            </div>
            <div className="col-6 col-lg-3">
              <TextField
                id="cal-to"
                type="date"
                label={t('calendar.to')}
                value={draft.to ?? ''}
                min={draft.from}
                onChange={(e) => set({ to: e.target.value || undefined })}
              />
            </div>
          </>
        ) : null}
      </div>
      <CheckboxField
        id="cal-available"
        className="mt-4"
        label={t('calendar.available')}
        checked={draft.available ?? false}
        onChange={(available) => set({ available: available || undefined })}
      />
      <div className="d-flex gap-2 mt-3">
        <Button type="submit" color="primary" size="sm">
          {t('common.search')}
        </Button>
        <Button
          type="button"
          color="secondary"
          outline
          size="sm"
          onClick={() => onChange({ view: value.view, date: value.date, page: 1 })}
        >
          {t('common.reset')}
        </Button>
      </div>
    </form>
  );
}
