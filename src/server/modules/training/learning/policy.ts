import { hasRole, isNationalAdmin, type Principal } from '../../../kernel/principal.js';

/**
 * Satisfaction results of any edition: national admins and the task force. Whoever trains an edition
 * sees its own (checked against the edition in the service).
 */
export function canReadAllFeedback(p: Principal | null): boolean {
  return isNationalAdmin(p) || hasRole(p, 'task_force');
}
