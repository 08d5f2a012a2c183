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

/**
 * Whose enrolments a principal may list: everyone's (national admins, the task force), their
 * Province's (officers), and those of the editions they train (trainers, whatever their grant).
 */
export function enrolmentScope(p: Principal | null): EnrolmentScope | null {
  if (!p) return null;
  if (isNationalAdmin(p) || hasRole(p, 'task_force')) return { all: true };
  const unitIds = unitsWithRole(p, 'province_officer');
  const trainerId = hasAnyGrant(p, 'trainer') ? p.id : null;
  if (!unitIds.length && !trainerId) return null;
  return { all: false, unitIds, trainerId };
}

/**
 * An edition's seat summary (capacity, pending and waitlist counts, quotas by unit): those who see all
 * of its enrolments — national admins, the task force, and whoever trains it. The public edition page
 * shows the seats left to everyone already.
 */
export function canReadSeats(p: Principal | null, trainsIt: boolean): boolean {
  return isNationalAdmin(p) || hasRole(p, 'task_force') || (!!p && trainsIt);
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

/**
 * Quotas, moves between editions and enrolment outside the window are national decisions: national
 * admins, and catalogue managers on the editions they train (each edition checked with
 * `canManageEdition`).
 */
export function canAdministerEnrolment(p: Principal | null): boolean {
  return isNationalAdmin(p) || canManageCatalogue(p);
}
