import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchKey } from '../../../common/framework';
import type { PickableCompetency } from './pickable';

/**
 * Chooses one or more competencies of the published framework: a search box over a list of
 * checkboxes (code, name, area), with the count of chosen ones announced. Plain form controls, so it
 * works by keyboard, with screen readers and on a phone.
 */
export function CompetencyPicker({
  id,
  legend,
  competencies,
  value,
  onChange,
  initialFilter = '',
  error,
}: {
  id: string;
  legend: string;
  competencies: readonly PickableCompetency[];
  value: number[];
  onChange: (ids: number[]) => void;
  initialFilter?: string;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState(initialFilter);
  const chosen = new Set(value);
  const shown = useMemo(() => {
    const words = matchKey(filter).split(' ').filter(Boolean);
    return competencies.filter((c) => {
      const hay = matchKey(`${c.code} ${c.label} ${c.area} ${c.keywords.join(' ')}`);
      return words.every((w) => hay.includes(w));
    });
  }, [competencies, filter]);
  const toggle = (competencyId: number, on: boolean) =>
    onChange(on ? [...value, competencyId] : value.filter((v) => v !== competencyId));
  return (
    <fieldset className="mt-3" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="h6">{legend}</legend>
      <p className="small mb-2" aria-live="polite">
        {t('framework.mapping.chosen', { count: value.length })}
        {value.length
          ? `: ${competencies
              .filter((c) => chosen.has(c.id))
              .map((c) => c.code)
              .join(', ')}`
          : ''}
      </p>
      {error ? (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      ) : null}
      <div className="form-group mb-2">
        <label htmlFor={`${id}-filter`} className="active">
          {t('framework.mapping.search')}
        </label>
        <input
          id={`${id}-filter`}
          type="search"
          className="form-control"
          aria-describedby={`${id}-found`}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <small id={`${id}-found`} className="form-text" aria-live="polite">
          {t('framework.mapping.found', { count: shown.length })}
        </small>
      </div>
      <ul className="list-unstyled officina-unit-picker" aria-label={legend}>
        {shown.map((c) => (
          <li key={c.id} className="form-check my-1">
            <input
              id={`${id}-${c.id}`}
              type="checkbox"
              checked={chosen.has(c.id)}
              onChange={(e) => toggle(c.id, e.target.checked)}
            />
            <label htmlFor={`${id}-${c.id}`}>
              <span className="fw-semibold">{c.code}</span> {c.label}{' '}
              <span className="text-secondary">({c.area})</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
