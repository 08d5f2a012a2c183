import { hasRole, isNationalAdmin, type Principal } from '../../../kernel/principal.js';

/**
 * National admins, and trainers granted the role nationally, manage the catalogue: its paths, and the
 * scheduling of editions. Which editions a trainer then reaches is `canManageEdition`'s business.
 */
export function canManageCatalogue(p: Principal | null): boolean {
  return hasRole(p, 'national_admin') || !!p?.grants.some((g) => g.role === 'trainer' && g.unitId === null);
}

/**
 * An edition — its dates, sessions and status, and everything about its people (enrolments, seats and
 * quotas, attendance, attestati, feedback) — is managed by national admins, and by a catalogue manager
 * who trains it. A trainer's reach is the editions they train, whatever the breadth of their grant:
 * a national grant lets them schedule and run their editions, not read other editions' people.
 */
export function canManageEdition(p: Principal | null, trainsIt: boolean): boolean {
  return isNationalAdmin(p) || (trainsIt && canManageCatalogue(p));
}

/** Which editions a catalogue manager lists: every one (national admins) or those they train. */
export function editionReach(p: Principal | null): { all: true } | { all: false; trainerId: string } | null {
  if (isNationalAdmin(p)) return { all: true };
  return p && canManageCatalogue(p) ? { all: false, trainerId: p.id } : null;
}
