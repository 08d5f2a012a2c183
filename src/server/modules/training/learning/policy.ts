import { hasRole, type Principal } from '../../../kernel/principal.js';
import { canManageCatalogue } from '../catalogue/index.js';

/**
 * Satisfaction results of any edition: catalogue managers and the task force. An edition's own
 * trainers see theirs too (checked against the edition in the service).
 */
export function canReadAllFeedback(p: Principal | null): boolean {
  return canManageCatalogue(p) || hasRole(p, 'task_force');
}
