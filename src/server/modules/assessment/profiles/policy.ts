import {
  hasAnyGrant,
  hasRole,
  isNationalAdmin,
  type Principal,
  unitsWithRole,
} from '../../../kernel/principal.js';

/** National admins set the national levels; they and the unit's Province officer set its overrides. */
export function canEditNational(p: Principal | null): boolean {
  return isNationalAdmin(p);
}

export function canEditUnitLevels(p: Principal | null, unitId: number): boolean {
  return isNationalAdmin(p) || unitsWithRole(p, 'province_officer').includes(unitId);
}

/**
 * The national levels are read by admins, the task force and Province officers; a unit's overrides
 * by the first two and that unit's officer only.
 */
export function canReadProfiles(p: Principal | null, unitId: number | null): boolean {
  if (isNationalAdmin(p) || hasRole(p, 'task_force')) return true;
  if (!hasAnyGrant(p, 'province_officer')) return false;
  return unitId === null || unitsWithRole(p, 'province_officer').includes(unitId);
}

/** The menu entry: admins (national levels and every unit) and Province officers (their unit). */
export function canManageProfiles(p: Principal | null): boolean {
  return isNationalAdmin(p) || hasAnyGrant(p, 'province_officer');
}

/** The unit a Province officer works on by default: their first one. */
export function ownUnit(p: Principal | null): number | null {
  return unitsWithRole(p, 'province_officer')[0] ?? null;
}
