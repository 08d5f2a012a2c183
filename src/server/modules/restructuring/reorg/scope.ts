import {
  hasAnyGrant,
  hasRole,
  isNationalAdmin,
  type Principal,
  unitsWithRole,
} from '../../../kernel/principal.js';

/**
 * Who sees and changes what in the restructuring context, shared by all its modules:
 * national admins and the task force see every unit; a Province officer sees their own unit only
 * (another unit is answered 404, as if absent); officers propose for their own unit, the task force
 * validates and records its own work; the rules (thresholds, deadlines) are national admins'.
 */
export function isTaskForce(p: Principal | null): boolean {
  return isNationalAdmin(p) || hasRole(p, 'task_force');
}

/** May open the restructuring pages at all. */
export function canUseRestructuring(p: Principal | null): boolean {
  return isTaskForce(p) || hasAnyGrant(p, 'province_officer');
}

/** Reads the unit's profile, plan, capacity and programming documents. */
export function canReadUnit(p: Principal | null, unitId: number): boolean {
  return isTaskForce(p) || hasRole(p, 'province_officer', unitId);
}

/** Proposes changes and keeps the unit's own figures (the officer's unit, or any for the task force). */
export function canProposeFor(p: Principal | null, unitId: number): boolean {
  return isTaskForce(p) || hasRole(p, 'province_officer', unitId);
}

/** Validates proposals and records the task force's work. */
export function canValidate(p: Principal | null): boolean {
  return isTaskForce(p);
}

/** Edits the reference rules: capacity thresholds, deadline rules and moves. */
export function canEditRules(p: Principal | null): boolean {
  return isNationalAdmin(p);
}

/** The units an officer may see; 'all' for the task force and admins. */
export function unitScope(p: Principal | null): 'all' | number[] {
  if (isTaskForce(p)) return 'all';
  return unitsWithRole(p, 'province_officer');
}
