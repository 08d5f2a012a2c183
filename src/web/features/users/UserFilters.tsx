import { Button } from 'design-react-kit';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../common/roles';
import { SelectField, TextField } from '../../components/Field';
import type { UserFilters as Filters } from './api';
import type { UnitOption } from './unitOptions';

export function UserFilters({
  value,
  units,
  restricted,
  onChange,
}: {
  value: Filters;
  units: UnitOption[];
  restricted: boolean;
  onChange: (filters: Filters) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filters>(value);
  // Follow the URL (back button, reset) without losing what is being typed on unrelated re-renders.
  const applied = JSON.stringify(value);
  useEffect(() => setDraft(JSON.parse(applied) as typeof value), [applied]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ ...draft, page: 1 });
  };

  return (
    <form className="officina-filters" onSubmit={submit} aria-label={t('users.filters')}>
      <div className="row">
        <div className="col-12 col-lg-4">
          <TextField
            id="users-q"
            type="search"
            label={t('users.search')}
            value={draft.q ?? ''}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          />
        </div>
        <div className="col-12 col-md-4 col-lg-3">
          <SelectField
            id="users-unit"
            label={t('users.unit')}
            value={draft.unitId ?? ''}
            onChange={(e) => setDraft({ ...draft, unitId: e.target.value })}
          >
            <option value="">{restricted ? t('users.allMyUnits') : t('users.allUnits')}</option>
            {units.map((u) => (
              <option key={u.id} value={String(u.id)}>
                {u.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-4 col-lg-3">
          <SelectField
            id="users-role"
            label={t('users.role')}
            value={draft.role ?? ''}
            onChange={(e) => setDraft({ ...draft, role: e.target.value })}
          >
            <option value="">{t('users.allRoles')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-4 col-lg-2">
          <SelectField
            id="users-active"
            label={t('users.status')}
            value={draft.active ?? ''}
            onChange={(e) => setDraft({ ...draft, active: e.target.value })}
          >
            <option value="">{t('users.anyStatus')}</option>
            <option value="true">{t('users.active')}</option>
            <option value="false">{t('users.inactive')}</option>
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
