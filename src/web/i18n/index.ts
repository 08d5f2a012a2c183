import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES } from '../../common/auth';
import en from './en.json';
import it from './it.json';

export const LANGUAGES = LOCALES;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'officina.lang';

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    if (value === 'en' || value === 'it') return value;
  } catch {
    // Storage can be disabled (private mode, policies): Italian is the default anyway.
  }
  return 'it';
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'it';
}

export function setLanguage(lang: Language): Promise<unknown> {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // See storedLanguage.
  }
  return i18n.changeLanguage(lang);
}

const CHOICE_KEY = 'officina.lang.chosen';

/**
 * The language switch: the visitor's own choice, which the next sign-in keeps (over the profile's
 * language) and saves to the profile. setLanguage alone, as the sign-in applies the profile's
 * language, is not a choice. It is kept for this tab only (session storage), so that a choice left behind
 * when a session simply expires does not pass to the next person who signs in on the browser.
 */
export function chooseLanguage(lang: Language): Promise<unknown> {
  try {
    window.sessionStorage.setItem(CHOICE_KEY, lang);
  } catch {
    // See storedLanguage.
  }
  return setLanguage(lang);
}

/** The language chosen with the switch since the last sign-in, if any; forgotten once read. */
export function takeLanguageChoice(): Language | null {
  try {
    const value = window.sessionStorage.getItem(CHOICE_KEY);
    window.sessionStorage.removeItem(CHOICE_KEY);
    if (value === 'en' || value === 'it') return value;
  } catch {
    // See storedLanguage.
  }
  return null;
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng === 'en' ? 'en' : 'it';
});

void i18n.use(initReactI18next).init({
  // The texts shared by the whole app; the features' own files are added by addTranslations.
  resources: { it: { translation: it }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'it',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = currentLanguage();

/**
 * Adds the features' own texts (app/features.ts, before the first render) to the one `translation` namespace,
 * each file's top-level keys over the shared ones, a shallow merge: every file has keys no other file has.
 * The list is handed in rather than imported, as the features' pages import this module (through the API client).
 */
export function addTranslations(
  features: readonly { translations?: Record<Language, Record<string, unknown>> | undefined }[],
): void {
  for (const { translations } of features) {
    if (!translations) continue;
    for (const lang of LANGUAGES)
      i18n.addResourceBundle(lang, 'translation', translations[lang], false, true);
  }
}

export default i18n;
