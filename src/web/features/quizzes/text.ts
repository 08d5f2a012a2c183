import type { LocalText } from '../../../common/quizzes';
import { currentLanguage } from '../../i18n';

/** A text in the reader's language: the English one when there is one and they read English. */
export function local(text: LocalText | { it: string; en: string | null } | null | undefined): string {
  if (!text) return '';
  return currentLanguage() === 'en' && text.en ? text.en : text.it;
}

export const QUIZZES_PATH = '/la-mia-formazione/test';
export const attemptPath = (id: number) => `${QUIZZES_PATH}/tentativi/${id}`;
export const bankPath = (pathId: number) => `/amministrazione/catalogo/${pathId}/domande`;
