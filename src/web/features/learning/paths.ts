import type { Me } from '../../../common/auth';
import { LEARNER_AREA_PATH } from '../../../common/learning';
import type { NavEntry } from '../../app/feature';

export { LEARNER_AREA_PATH };
export const MY_SESSIONS_PATH = `${LEARNER_AREA_PATH}/sessioni`;
export const TRANSCRIPT_PATH = `${LEARNER_AREA_PATH}/libretto`;
export const MY_CERTIFICATES_PATH = `${LEARNER_AREA_PATH}/attestati`;
export const feedbackFormPath = (enrolmentId: number) => `${LEARNER_AREA_PATH}/questionari/${enrolmentId}`;

/** "La mia formazione" in the main navigation, for everyone signed in. */
export function learningNavEntries(me: Me | null | undefined, t: (key: string) => string): NavEntry[] {
  return me ? [{ to: LEARNER_AREA_PATH, label: t('learning.nav'), group: 'mine' }] : [];
}
