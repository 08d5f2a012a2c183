import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES } from '../../common/auth';
import attendanceEn from './attendance.en.json';
import attendanceIt from './attendance.it.json';
import en from './en.json';
import enrolmentEn from './enrolment.en.json';
import enrolmentIt from './enrolment.it.json';
import it from './it.json';
import learningEn from './learning.en.json';
import learningIt from './learning.it.json';
import trainingEn from './training.en.json';
import trainingIt from './training.it.json';

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

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng === 'en' ? 'en' : 'it';
});

void i18n.use(initReactI18next).init({
  // The training feature's texts live in their own files (distinct top-level keys, so a shallow merge).
  resources: {
    it: { translation: { ...it, ...trainingIt, ...enrolmentIt, ...attendanceIt, ...learningIt } },
    en: { translation: { ...en, ...trainingEn, ...enrolmentEn, ...attendanceEn, ...learningEn } },
  },
  lng: storedLanguage(),
  fallbackLng: 'it',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = currentLanguage();

export default i18n;
