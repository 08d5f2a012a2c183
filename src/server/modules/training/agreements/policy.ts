import { isNationalAdmin, type Principal } from '../../../kernel/principal.js';

/** Convenzioni are recorded by national admins. */
export function canManageAgreements(p: Principal | null): boolean {
  return isNationalAdmin(p);
}
