import type { Role } from '../../../../common/roles.js';
import {
  canManagePeopleOf,
  hasAnyGrant,
  isNationalAdmin,
  type Principal,
} from '../../../kernel/principal.js';

export function canManageUsers(p: Principal | null): boolean {
  return isNationalAdmin(p) || hasAnyGrant(p, 'province_officer');
}

/** Officers may only give the learner role, and only in their own unit. */
export function canGrant(p: Principal | null, role: Role, unitId: number | null): boolean {
  if (isNationalAdmin(p)) return true;
  return role === 'learner' && canManagePeopleOf(p, unitId);
}
