import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../common/users';
import { ErrorAlert, fieldErrors, SuccessAlert } from '../../components/ErrorAlert';
import { SelectField, TextField, ToggleField } from '../../components/Field';
import { useReference } from '../units/api';
import { useUpdateUser } from './api';
import type { UnitOption } from './unitOptions';

export function UserEditForm({
  user,
  units,
  restricted,
}: {
  user: UserSummary;
  units: UnitOption[];
  restricted: boolean;
}) {
  const { t } = useTranslation();
  const reference = useReference();
  const update = useUpdateUser(user.id);
  const [name, setName] = useState(user.name);
  const [unitId, setUnitId] = useState(user.unitId === null ? '' : String(user.unitId));
  const [jobProfile, setJobProfile] = useState(user.jobProfileCode ?? '');
  const [active, setActive] = useState(user.active);
  const errors = fieldErrors(update.error);
  // The user's current unit stays selectable even if it is not among the officer's own.
  const unitChoices =
    user.unitId !== null && !units.some((u) => u.id === user.unitId)
      ? [{ id: user.unitId, name: user.unitName ?? String(user.unitId) }, ...units]
      : units;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({
      name: name.trim(),
      unitId: unitId ? Number(unitId) : null,
      jobProfileCode: jobProfile || null,
      active,
    });
  };

  return (
    <section aria-labelledby="user-edit-title">
      <h2 id="user-edit-title" className="h3">
        {t('userDetail.edit')}
      </h2>
      <ErrorAlert error={update.error} />
      {update.isSuccess ? <SuccessAlert>{t('userDetail.saved')}</SuccessAlert> : null}
      <form onSubmit={submit} noValidate>
        <TextField
          id="user-name"
          label={t('users.name')}
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
        />
        <SelectField
          id="user-unit"
          label={t('users.unit')}
          value={unitId}
          onChange={(e) => setUnitId(e.target.value)}
          error={errors.unitId}
        >
          {restricted && user.unitId !== null ? null : <option value="">{t('users.noUnit')}</option>}
          {unitChoices.map((u) => (
            <option key={u.id} value={String(u.id)}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="user-job"
          label={t('users.jobProfile')}
          value={jobProfile}
          onChange={(e) => setJobProfile(e.target.value)}
          error={errors.jobProfileCode}
        >
          <option value="">{t('users.noJobProfile')}</option>
          {(reference.data?.jobProfiles ?? []).map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <ToggleField
          id="user-active"
          label={t('userDetail.activeToggle')}
          checked={active}
          onChange={setActive}
        />
        <Button type="submit" color="primary" disabled={update.isPending}>
          {t('common.save')}
        </Button>
      </form>
    </section>
  );
}
