import { isNationalAdmin, type Principal } from '../../../kernel/principal.js';

/** The audit log is read by national admins. */
export function canViewAudit(p: Principal | null): boolean {
  return isNationalAdmin(p);
}
