import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../common/roles';
import { ChoiceField, TextField } from '../../components/Field';
import { FiltersPanel } from '../../components/FiltersPanel';
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
  return (
    <FiltersPanel label={t('users.filters')} value={value} onApply={onChange} onReset={() => onChange({})}>
      {(draft, set) => (
        <>
          <div className="col-12 col-lg-4">
            <TextField
              id="users-q"
              type="search"
              label={t('users.search')}
              value={draft.q ?? ''}
              onChange={(e) => set({ q: e.target.value })}
            />
          </div>
          <div className="col-12 col-md-4 col-lg-3">
            <ChoiceField
              id="users-unit"
              label={t('users.unit')}
              value={draft.unitId ?? ''}
              onChange={(e) => set({ unitId: e.target.value })}
              empty={restricted ? t('users.allMyUnits') : t('users.allUnits')}
              choices={units.map((u) => ({ value: String(u.id), label: u.name }))}
            />
          </div>
          <div className="col-12 col-md-4 col-lg-3">
            <ChoiceField
              id="users-role"
              label={t('users.role')}
              value={draft.role ?? ''}
              onChange={(e) => set({ role: e.target.value })}
              empty={t('users.allRoles')}
              choices={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            />
          </div>
          <div className="col-12 col-md-4 col-lg-2">
            <ChoiceField
              id="users-active"
              label={t('users.status')}
              value={draft.active ?? ''}
              onChange={(e) => set({ active: e.target.value })}
              empty={t('users.anyStatus')}
              choices={[
                { value: 'true', label: t('users.active') },
                { value: 'false', label: t('users.inactive') },
              ]}
            />
          </div>
        </>
      )}
    </FiltersPanel>
  );
}
