import { isNationalAdmin, type Principal } from '../../../kernel/principal.js';

/** The outbox (every e-mail sent, links included) is read by national admins. */
export function canViewOutbox(p: Principal | null): boolean {
  return isNationalAdmin(p);
}
