import type { Me } from '../../../common/auth';

/**
 * What the signed-in person may do with attendance, to decide which pages, links and buttons to show. The
 * server decides again on every request (a trainer runs only the editions and sessions they teach).
 */
export type AttendanceAccess = {
  /** Keeps registers and records final tests: catalogue managers and trainers. */
  runs: boolean;
  /** Signs logbook entries: trainers (as coach), Province officers and national administrators. */
  signs: boolean;
};

export function attendanceAccess(me: Me | null | undefined): AttendanceAccess {
  const roles = new Set((me?.roles ?? []).map((r) => r.role));
  const manager = me?.can.manageCatalogue ?? false;
  return {
    runs: manager || roles.has('trainer'),
    signs: roles.has('trainer') || roles.has('province_officer') || roles.has('national_admin'),
  };
}

export const SIGNATURES_PATH = '/formazione/firme';
export const registerPath = (sessionId: number) => `/formazione/sessioni/${sessionId}/registro`;
export const matrixPath = (editionId: number) => `/formazione/edizioni/${editionId}/presenze`;
export const logbookPath = (enrolmentId: number) => `/formazione/iscrizioni/${enrolmentId}/diario`;

/** "Firme da apporre" in the main navigation, for those who sign logbooks. */
export function attendanceNavEntries(
  me: Me | null | undefined,
  t: (key: string) => string,
): { to: string; label: string }[] {
  return attendanceAccess(me).signs ? [{ to: SIGNATURES_PATH, label: t('signatures.nav') }] : [];
}
