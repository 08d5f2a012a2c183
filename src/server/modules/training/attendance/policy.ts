import {
  hasAnyGrant,
  hasRole,
  isNationalAdmin,
  type Principal,
  unitsWithRole,
} from '../../../kernel/principal.js';
import { canManageEdition } from '../catalogue/index.js';

/**
 * Who runs a session: those who manage its edition (national admins, a national trainer training it),
 * the edition's trainers and the session's own trainer. They keep the register, show the check-in
 * code, print the sign-in sheet and load webinar reports.
 */
export function canRunSession(
  p: Principal | null,
  s: {
    editionTrainerIds: readonly string[];
    sessionTrainerId: string | null;
    /** Whether the principal trains the edition: as its trainer or the trainer of any of its sessions. */
    trainsEdition: boolean;
  },
): boolean {
  if (!p) return false;
  return (
    canManageEdition(p, s.trainsEdition) || s.editionTrainerIds.includes(p.id) || s.sessionTrainerId === p.id
  );
}

/** Who runs an edition: national admins and anyone training it (edition or session trainer). */
export function canRunEdition(p: Principal | null, trainsEdition: boolean): boolean {
  if (!p) return false;
  return isNationalAdmin(p) || trainsEdition;
}

/** Whose rows of an edition's attendance a principal may read; null = none. */
export type PeopleFilter = { all: true } | { all: false; unitIds: number[] };

export function attendanceScope(p: Principal | null, trainsEdition: boolean): PeopleFilter | null {
  if (canRunEdition(p, trainsEdition) || hasRole(p, 'task_force')) return { all: true };
  const unitIds = unitsWithRole(p, 'province_officer');
  return unitIds.length ? { all: false, unitIds } : null;
}

/** The officer's signature on a logbook entry: the learner's Province officer, or a national admin. */
export function canSignAsOfficer(p: Principal | null, unitId: number | null): boolean {
  if (hasRole(p, 'national_admin')) return true;
  return unitId !== null && unitsWithRole(p, 'province_officer').includes(unitId);
}

/** The coach's signature: a trainer of the edition or of the entry's session. */
export function canSignAsCoach(p: Principal | null, coachIds: readonly string[]): boolean {
  return !!p && coachIds.includes(p.id);
}

/**
 * A logbook is read by its learner, the coaches (whoever trains the edition), the learner's Province
 * officer, national admins and the task force.
 */
export function canReadLogbook(
  p: Principal | null,
  e: { ownerId: string; unitId: number | null; trainsEdition: boolean },
): boolean {
  if (!p) return false;
  return p.id === e.ownerId || e.trainsEdition || canSignAsOfficer(p, e.unitId) || hasRole(p, 'task_force');
}

/** Who may run sessions at all (which ones is decided per session): national admins and trainers. */
export function mayRunSessions(p: Principal | null): boolean {
  return isNationalAdmin(p) || hasAnyGrant(p, 'trainer');
}

/** Who may be asked to sign logbooks: trainers (as coach), Province officers and national admins. */
export function maySignLogbooks(p: Principal | null): boolean {
  return hasAnyGrant(p, 'trainer') || hasAnyGrant(p, 'province_officer') || hasRole(p, 'national_admin');
}
