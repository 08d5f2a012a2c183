import { hasRole, type Principal } from '../../../kernel/principal.js';

/** National admins, and trainers granted the role nationally, manage the catalogue. */
export function canManageCatalogue(p: Principal | null): boolean {
  return hasRole(p, 'national_admin') || !!p?.grants.some((g) => g.role === 'trainer' && g.unitId === null);
}
