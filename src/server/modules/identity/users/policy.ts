import type { Role } from '../../../../common/roles.js';
import { hasAnyGrant, hasRole, type Principal, unitsWithRole } from '../../../kernel/principal.js';

/** Which people's personal data a principal may read. */
export type PeopleScope = { all: true } | { all: false; unitIds: number[] };

export function isNationalAdmin(p: Principal | null): boolean {
  return hasRole(p, 'national_admin');
}

export function peopleScope(p: Principal | null): PeopleScope {
  if (hasRole(p, 'national_admin') || hasRole(p, 'task_force')) return { all: true };
  return { all: false, unitIds: unitsWithRole(p, 'province_officer') };
}

export function canReadPerson(p: Principal | null, target: { id: string; unitId: number | null }): boolean {
  if (!p) return false;
  if (p.id === target.id) return true;
  const scope = peopleScope(p);
  return scope.all || (target.unitId !== null && scope.unitIds.includes(target.unitId));
}

/** National admins manage everyone; a Province officer manages the people of their own unit(s). */
export function canManagePeopleOf(p: Principal | null, unitId: number | null): boolean {
  if (isNationalAdmin(p)) return true;
  return unitId !== null && unitsWithRole(p, 'province_officer').includes(unitId);
}

export function canManageUsers(p: Principal | null): boolean {
  return isNationalAdmin(p) || hasAnyGrant(p, 'province_officer');
}

/** Officers may only give the learner role, and only in their own unit. */
export function canGrant(p: Principal | null, role: Role, unitId: number | null): boolean {
  if (isNationalAdmin(p)) return true;
  return role === 'learner' && canManagePeopleOf(p, unitId);
}

export function canManageUnits(p: Principal | null): boolean {
  return isNationalAdmin(p);
}
export const canViewAudit = canManageUnits;
export const canViewOutbox = canManageUnits;
