import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllUnits } from '../units/api';

/**
 * Chooses several territorial units: a filter box over a list of checkboxes (a plain multiple select is
 * hard to use with 107 entries, and unusable on phones), with the count of chosen units announced.
 */
export function UnitPicker({
  id,
  legend,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  value: number[];
  onChange: (ids: number[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const units = useAllUnits();
  const [filter, setFilter] = useState('');
  const chosen = new Set(value);
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return [...(units.data?.items ?? [])]
      .filter((u) => !q || `${u.name} ${u.sigla} ${u.regionName}`.toLowerCase().includes(q))
      .sort((a, b) => a.name.localeCompare(b.name, 'it'));
  }, [units.data, filter]);
  const names = (units.data?.items ?? []).filter((u) => chosen.has(u.id)).map((u) => u.name);
  const toggle = (unitId: number, on: boolean) =>
    onChange(on ? [...value, unitId] : value.filter((v) => v !== unitId));
  return (
    <fieldset className="mt-4" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="h6">{legend}</legend>
      <p className="small mb-2" aria-live="polite" id={`${id}-count`}>
        {t('unitPicker.chosen', { count: value.length })}
        {names.length > 0 ? `: ${names.sort((a, b) => a.localeCompare(b, 'it')).join(', ')}` : ''}
      </p>
      {error ? (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      ) : null}
      <div className="form-group">
        <label htmlFor={`${id}-filter`} className="active">
          {t('unitPicker.filter')}
        </label>
        <input
          id={`${id}-filter`}
          type="search"
          className="form-control"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      <ul className="list-unstyled officina-unit-picker" aria-label={legend}>
        {shown.map((u) => (
          <li key={u.id} className="form-check my-1">
            <input
              id={`${id}-${u.id}`}
              type="checkbox"
              checked={chosen.has(u.id)}
              onChange={(e) => toggle(u.id, e.target.checked)}
            />
            <label htmlFor={`${id}-${u.id}`}>
              {u.name} <span className="text-secondary">({u.regionName})</span>
            </label>
          </li>
        ))}
        {shown.length === 0 ? <li>{t('unitPicker.none')}</li> : null}
      </ul>
    </fieldset>
  );
}
