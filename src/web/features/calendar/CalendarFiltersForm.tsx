import { useTranslation } from 'react-i18next';
import { DELIVERY_MODES } from '../../../common/catalogue';
import { CheckboxField, ChoiceField, TextField } from '../../components/Field';
import { FiltersPanel } from '../../components/FiltersPanel';
import { ReferenceFilterFields } from '../training/ReferenceFilterFields';
import { useUnitChoices } from '../units/api';
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
  const { units, regions } = useUnitChoices();
  return (
    <FiltersPanel
      label={t('calendar.filters')}
      value={value}
      onApply={(draft) => onChange({ ...draft, page: 1 })}
      onReset={() => onChange({ view: value.view, date: value.date, page: 1 })}
      after={(draft, set) => (
        <CheckboxField
          id="cal-available"
          className="mt-4"
          label={t('calendar.available')}
          checked={draft.available ?? false}
          onChange={(available) => set({ available: available || undefined })}
        />
      )}
    >
      {(draft, set) => (
        <>
          <div className="col-12 col-lg-6">
            <TextField
              id="cal-q"
              type="search"
              label={t('calendar.search')}
              value={draft.q ?? ''}
              onChange={(e) => set({ q: e.target.value })}
            />
          </div>
          <ReferenceFilterFields idPrefix="cal" column="col-12 col-md-6 col-lg-3" draft={draft} set={set} />
          <div className="col-12 col-md-6 col-lg-3">
            <ChoiceField
              id="cal-mode"
              label={t('calendar.mode')}
              value={draft.mode ?? ''}
              onChange={(e) => set({ mode: e.target.value })}
              empty={t('calendar.allModes')}
              choices={DELIVERY_MODES.map((m) => ({ value: m, label: t(`modes.${m}`) }))}
            />
          </div>
          <div className="col-12 col-md-6 col-lg-3">
            <ChoiceField
              id="cal-unit"
              label={t('calendar.unit')}
              hint={t('calendar.unitHint')}
              value={draft.unit ?? ''}
              onChange={(e) => set({ unit: e.target.value })}
              empty={t('calendar.anyUnit')}
              choices={units}
            />
          </div>
          <div className="col-12 col-md-6 col-lg-3">
            <ChoiceField
              id="cal-region"
              label={t('calendar.region')}
              hint={t('calendar.regionHint')}
              value={draft.region ?? ''}
              onChange={(e) => set({ region: e.target.value })}
              empty={t('calendar.allRegions')}
              choices={regions}
            />
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
        </>
      )}
    </FiltersPanel>
  );
}
