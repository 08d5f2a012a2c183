import type { Me } from '../../../common/auth';
import type { NavEntry } from '../../app/feature';

/**
 * What the signed-in person may do with other people's enrolments, to decide which pages, links and
 * buttons to show. The server decides again on every request (and answers 404 outside the scope).
 */
export type EnrolmentAccess = {
  /** May list enrolments: national administrators, the task force, Province officers. */
  read: boolean;
  /** May nominate, approve, reject and cancel: national administrators and Province officers. */
  manage: boolean;
  /** Sees every Province (administrators and task force). */
  national: boolean;
  /** May move enrolments between editions and set quotas (national administrators, catalogue managers). */
  administer: boolean;
  /** The units a Province officer looks after. */
  officerUnits: { id: number; name: string }[];
};

export function enrolmentAccess(me: Me | null | undefined): EnrolmentAccess {
  const roles = me?.roles ?? [];
  const officerUnits = roles
    .filter((r) => r.role === 'province_officer' && r.unitId !== null)
    .map((r) => ({ id: r.unitId as number, name: r.unitName ?? String(r.unitId) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'it'));
  // What may be done comes from the server's policy; only the list of units is read from the roles.
  return {
    read: me?.can.listEnrolments ?? false,
    manage: me?.can.decideEnrolments ?? false,
    national: roles.some((r) => r.role === 'national_admin' || r.role === 'task_force'),
    administer: me?.can.administerEnrolments ?? false,
    officerUnits,
  };
}

/** The enrolment pages of the main navigation, for the signed-in person. */
export function enrolmentNavEntries(me: Me | null | undefined, t: (key: string) => string): NavEntry[] {
  if (!me) return [];
  const entries: NavEntry[] = [{ to: MY_ENROLMENTS_PATH, label: t('myEnrolments.nav'), group: 'mine' }];
  const access = enrolmentAccess(me);
  if (access.read)
    // Every Province's enrolments are training administration; a Province officer's are the Province's work.
    entries.push(
      access.national
        ? { to: UNIT_ENROLMENTS_PATH, label: t('unitEnrolments.navNational'), group: 'training' }
        : { to: UNIT_ENROLMENTS_PATH, label: t('unitEnrolments.nav'), group: 'province' },
    );
  return entries;
}

export const MY_ENROLMENTS_PATH = '/formazione/iscrizioni';
export const UNIT_ENROLMENTS_PATH = '/provincia/iscrizioni';
export const NOMINATE_PATH = '/provincia/iscrizioni/nomina';

/** The nomination page with an edition already chosen (from an edition's public page). */
export function nominateLink(pathSlug: string, editionId: number): string {
  return `${NOMINATE_PATH}?percorso=${encodeURIComponent(pathSlug)}&edizione=${editionId}`;
}
