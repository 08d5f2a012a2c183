import { Button, Table } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GLOBAL_ONLY_ROLES, ROLES, type Role, UNIT_ONLY_ROLES } from '../../../common/roles';
import type { UserSummary } from '../../../common/users';
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert';
import { SelectField } from '../../components/Field';
import { TableScroll } from '../../components/TableScroll';
import { useGrantRole, useRevokeRole } from './api';
import type { UnitOption } from './unitOptions';

export function RoleGrants({
  user,
  units,
  restricted,
}: {
  user: UserSummary;
  units: UnitOption[];
  restricted: boolean;
}) {
  const { t } = useTranslation();
  const grant = useGrantRole(user.id);
  const revoke = useRevokeRole(user.id);
  // A Province officer may only grant and revoke the learner role in their own unit(s) (server policy);
  // the form does not offer what the server would refuse.
  const roles: readonly Role[] = restricted ? ['learner'] : ROLES;
  const canRevoke = (g: UserSummary['roles'][number]) =>
    !restricted || (g.role === 'learner' && g.unitId !== null && units.some((u) => u.id === g.unitId));
  const [role, setRole] = useState<Role>('learner');
  const [unitId, setUnitId] = useState(restricted && units[0] ? String(units[0].id) : '');
  const errors = fieldErrors(grant.error);
  const globalOnly = GLOBAL_ONLY_ROLES.includes(role);
  const unitOnly = UNIT_ONLY_ROLES.includes(role) || restricted;
  const effectiveUnit = globalOnly ? '' : unitOnly && !unitId ? String(units[0]?.id ?? '') : unitId;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    grant.mutate({ role, unitId: effectiveUnit ? Number(effectiveUnit) : null });
  };

  return (
    <section aria-labelledby="roles-title">
      <h2 id="roles-title" className="h3">
        {t('userDetail.roles')}
      </h2>
      <ErrorAlert error={revoke.error} />
      <TableScroll label={t('userDetail.rolesCaption', { name: user.name })}>
        <Table className="align-middle">
          <caption>{t('userDetail.rolesCaption', { name: user.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.unit')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {user.roles.length === 0 ? (
              <tr>
                <td colSpan={3}>{t('profile.noRoles')}</td>
              </tr>
            ) : (
              user.roles.map((g) => (
                <tr key={g.id}>
                  <th scope="row">{t(`roles.${g.role}`)}</th>
                  <td>{g.unitId === null ? t('roles.global') : (g.unitName ?? g.unitId)}</td>
                  <td className="text-end">
                    {canRevoke(g) ? (
                      <Button
                        color="danger"
                        outline
                        size="sm"
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate(g.id)}
                      >
                        {t('userDetail.revoke')}
                        <span className="visually-hidden">
                          {' '}
                          {t(`roles.${g.role}`)} {g.unitName ?? ''}
                        </span>
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </Table>
      </TableScroll>
      <h3 className="h4 mt-4">{t('userDetail.addRole')}</h3>
      <ErrorAlert error={grant.error} />
      <form onSubmit={submit} noValidate>
        <div className="row">
          <div className="col-12 col-md-6">
            <SelectField
              id="grant-role"
              label={t('users.role')}
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
              error={errors.role}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="col-12 col-md-6">
            <SelectField
              id="grant-unit"
              label={t('users.unit')}
              value={effectiveUnit}
              disabled={globalOnly}
              onChange={(e) => setUnitId(e.target.value)}
              error={errors.unitId}
              hint={
                globalOnly ? t('userDetail.globalOnly') : unitOnly ? undefined : t('userDetail.unitOptional')
              }
            >
              {unitOnly && !globalOnly ? null : <option value="">{t('roles.global')}</option>}
              {units.map((u) => (
                <option key={u.id} value={String(u.id)}>
                  {u.name}
                </option>
              ))}
            </SelectField>
          </div>
        </div>
        <Button type="submit" color="primary" className="mt-3" disabled={grant.isPending}>
          {t('userDetail.grant')}
        </Button>
      </form>
    </section>
  );
}
