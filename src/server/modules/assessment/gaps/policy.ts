import { hasAnyGrant, hasRole, type Principal, unitsWithRole } from '../../../kernel/principal.js';

/** Who may open the gap screens: national admins and the task force (everything), Province officers (their units). */
export function canViewGaps(p: Principal | null): boolean {
  return hasRole(p, 'national_admin') || hasRole(p, 'task_force') || hasAnyGrant(p, 'province_officer');
}

/** The units whose own rows a principal may see: all, or the units they are officer of. */
export type GapScope = { all: true } | { all: false; unitIds: number[] };

export function gapScope(p: Principal | null): GapScope {
  if (hasRole(p, 'national_admin') || hasRole(p, 'task_force')) return { all: true };
  return { all: false, unitIds: unitsWithRole(p, 'province_officer') };
}

export function inScope(scope: GapScope, unitId: number): boolean {
  return scope.all || scope.unitIds.includes(unitId);
}
