import type { Principal } from '../../../kernel/principal.js';
import { canManageCatalogue } from '../catalogue/index.js';

/**
 * A path's question bank and quizzes are edited by catalogue managers and by the trainers of the
 * path's editions. Learners never read the bank: they see the questions of their own attempts, without
 * the answers until they submit.
 */
export function canEditQuizzes(p: Principal | null, trainsPath: boolean): boolean {
  return !!p && (canManageCatalogue(p) || trainsPath);
}

/** Who sees the "Domande e test" page at all (which paths is decided per path). */
export function mayEditQuizzes(p: Principal | null): boolean {
  return canManageCatalogue(p) || !!p?.grants.some((g) => g.role === 'trainer');
}
