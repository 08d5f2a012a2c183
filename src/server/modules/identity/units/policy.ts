import { isNationalAdmin, type Principal } from '../../../kernel/principal.js';

/** Territorial units and reference data are edited by national admins. */
export function canManageUnits(p: Principal | null): boolean {
  return isNationalAdmin(p);
}
