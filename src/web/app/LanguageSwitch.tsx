import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage, LANGUAGES } from '../i18n';

const NAMES = { it: 'Italiano', en: 'English' } as const;

/** IT / EN switch; each button is named in its own language so it can be found by speakers of either. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <fieldset className="officina-lang d-flex align-items-center me-1 me-md-3">
      <legend className="visually-hidden">{t('header.language')}</legend>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className={`btn btn-sm btn-link text-white px-2${lang === active ? ' fw-bold text-decoration-underline' : ''}`}
          aria-pressed={lang === active}
          onClick={() => void chooseLanguage(lang)}
        >
          <span aria-hidden="true">{lang.toUpperCase()}</span>
          <span className="visually-hidden">{NAMES[lang]}</span>
        </button>
      ))}
    </fieldset>
  );
}
