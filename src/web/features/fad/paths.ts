import type { Me } from '../../../common/auth';
import type { NavEntry } from '../../app/feature';

export const FAD_PATH = '/formazione-a-distanza';
export const modulePath = (id: number) => `${FAD_PATH}/moduli/${id}`;
export const pathModulesAdminPath = (pathId: number) => `/amministrazione/catalogo/${pathId}/fad`;
export const moduleAdminPath = (id: number) => `/amministrazione/fad/moduli/${id}`;

/** "Formazione a distanza" in the learner's area, for everyone signed in. */
export function fadNavEntries(me: Me | null | undefined, t: (key: string) => string): NavEntry[] {
  return me ? [{ to: FAD_PATH, label: t('fad.nav'), group: 'mine' }] : [];
}
