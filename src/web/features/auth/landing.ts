import type { Me } from '../../../common/auth';
import type { Role } from '../../../common/roles';

/** The national administrator's overview of what needs attention now. */
export const ATTENTION_PATH = '/amministrazione';

/**
 * Where a person lands after signing in without a `?next=`: the page where their work is. Someone
 * with several roles lands on the most operational one, in this order: national administrator (the
 * overview of what needs attention), Province officer (their Province's requests awaiting approval), task
 * force (their units this week), trainer (their sessions), and everyone else on La mia formazione.
 * The `can` flags confirm the page is theirs, so a role without its usual capability falls through.
 */
export function landingPath(me: Pick<Me, 'roles' | 'can'>): string {
  const has = (role: Role) => me.roles.some((g) => g.role === role);
  if (has('national_admin')) return ATTENTION_PATH;
  if (has('province_officer') && me.can.listEnrolments) return '/provincia/iscrizioni?status=pending';
  if (has('task_force') && me.can.validateRestructuring) return '/riassetto/settimana';
  if (has('trainer')) return '/formazione/docenze';
  return '/la-mia-formazione';
}

/** Only same-site paths: an open redirect through ?next= would help phishing. Null when there is none to follow. */
export function safeNext(next: string | null): string | null {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next.startsWith('/accedi')) return null;
  return next;
}
