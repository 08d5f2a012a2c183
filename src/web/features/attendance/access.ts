import type { Me } from '../../../common/auth';
import type { NavEntry } from '../../app/feature';

/**
 * What the signed-in person may do with attendance, to decide which pages, links and buttons to show. The
 * server decides again on every request (a trainer runs only the editions and sessions they teach).
 */
export type AttendanceAccess = {
  /** Keeps registers and records final tests: catalogue managers and trainers. */
  runs: boolean;
  /** Signs logbook entries: trainers (as coach), Province officers and national administrators. */
  signs: boolean;
  /** Teaches sessions (trainer role, of a unit or global): "Le mie docenze". */
  teaches: boolean;
};

export function attendanceAccess(me: Me | null | undefined): AttendanceAccess {
  return {
    runs: me?.can.runSessions ?? false,
    signs: me?.can.signLogbooks ?? false,
    // "My teaching" lists what the person teaches: shown to whoever holds the trainer role.
    teaches: (me?.roles ?? []).some((r) => r.role === 'trainer'),
  };
}

export const SIGNATURES_PATH = '/formazione/firme';
export const TEACHING_PATH = '/formazione/docenze';
export const registerPath = (sessionId: number) => `/formazione/sessioni/${sessionId}/registro`;
export const matrixPath = (editionId: number) => `/formazione/edizioni/${editionId}/presenze`;
export const logbookPath = (enrolmentId: number) => `/formazione/iscrizioni/${enrolmentId}/diario`;

/** "Le mie docenze" for trainers and "Firme da apporre" for those who sign logbooks, in the main navigation. */
export function attendanceNavEntries(me: Me | null | undefined, t: (key: string) => string): NavEntry[] {
  const access = attendanceAccess(me);
  const entries: NavEntry[] = [];
  if (access.teaches) entries.push({ to: TEACHING_PATH, label: t('teaching.nav'), group: 'training' });
  if (access.signs) entries.push({ to: SIGNATURES_PATH, label: t('signatures.nav'), group: 'training' });
  return entries;
}
