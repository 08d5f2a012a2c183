import type { RoleGrant } from '../../../common/auth';

/** "Referente provinciale — Cuneo" or "Amministratore nazionale (nazionale)". */
export function grantLabel(
  grant: Pick<RoleGrant, 'role' | 'unitName' | 'unitId'>,
  t: (k: string) => string,
): string {
  const role = t(`roles.${grant.role}`);
  return grant.unitId === null
    ? `${role} (${t('roles.global')})`
    : `${role} — ${grant.unitName ?? grant.unitId}`;
}
