import {
  hasAnyGrant,
  hasRole,
  isNationalAdmin,
  type Principal,
  unitsWithRole,
} from '../../../kernel/principal.js';

/**
 * Training plans are a unit's: its Province officers draw, edit and approve them, national admins
 * may do so for any unit, and the task force reads them all (it plans the national offer from them).
 */
export function canUsePlans(p: Principal | null): boolean {
  return isNationalAdmin(p) || hasRole(p, 'task_force') || hasAnyGrant(p, 'province_officer');
}

/** The units whose plans a principal reads: 'all', or the officer's own units. */
export function planScope(p: Principal | null): 'all' | number[] {
  if (isNationalAdmin(p) || hasRole(p, 'task_force') || hasRole(p, 'province_officer')) return 'all';
  return unitsWithRole(p, 'province_officer');
}

export function canReadPlanOf(p: Principal | null, unitId: number): boolean {
  const scope = planScope(p);
  return scope === 'all' || scope.includes(unitId);
}

export function canEditPlanOf(p: Principal | null, unitId: number): boolean {
  return isNationalAdmin(p) || hasRole(p, 'province_officer', unitId);
}

/** The national demand across units' plans: national admins and the task force. */
export function canViewDemand(p: Principal | null): boolean {
  return isNationalAdmin(p) || hasRole(p, 'task_force');
}
