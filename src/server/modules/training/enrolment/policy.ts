import {
  canManagePeopleOf,
  hasAnyGrant,
  hasRole,
  isNationalAdmin,
  type Principal,
  unitsWithRole,
} from '../../../kernel/principal.js';
import { canManageCatalogue } from '../catalogue/index.js';
import type { EnrolmentScope } from './repository.js';

/** Whose enrolments a principal may list: everyone's, their Province's, or the editions they train. */
export function enrolmentScope(p: Principal | null): EnrolmentScope | null {
  if (!p) return null;
  if (isNationalAdmin(p) || hasRole(p, 'task_force') || canManageCatalogue(p)) return { all: true };
  const unitIds = unitsWithRole(p, 'province_officer');
  const trainerId = p.grants.some((g) => g.role === 'trainer') ? p.id : null;
  if (!unitIds.length && !trainerId) return null;
  return { all: false, unitIds, trainerId };
}

/** Officers decide on and nominate the staff of their own units; national admins anyone. */
export const canDecideFor = canManagePeopleOf;

/** Who has the Province enrolment pages: national admins, the task force and Province officers. */
export function canListProvinceEnrolments(p: Principal | null): boolean {
  return isNationalAdmin(p) || hasRole(p, 'task_force') || hasAnyGrant(p, 'province_officer');
}

/** Nominating and deciding for people: national admins for anyone, officers for their own staff. */
export function canDecideEnrolments(p: Principal | null): boolean {
  return isNationalAdmin(p) || hasAnyGrant(p, 'province_officer');
}

/** Quotas, moves between editions and enrolment outside the window are national decisions. */
export function canAdministerEnrolment(p: Principal | null): boolean {
  return isNationalAdmin(p) || canManageCatalogue(p);
}
