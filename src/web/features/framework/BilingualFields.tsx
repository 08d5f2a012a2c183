import { useTranslation } from 'react-i18next';
import type { BilingualText } from '../../../common/framework';
import { TextAreaField, TextField } from '../../components/Field';

/**
 * One text of the framework in its two languages, side by side on a wide screen and one above the
 * other on a phone. Errors are keyed by path ("name.it", "levels.base.en").
 */
export function BilingualFields({
  id,
  path,
  label,
  value,
  onChange,
  errors,
  rows,
}: {
  id: string;
  /** The field's path in the request body, to find its errors. */
  path: string;
  label: string;
  value: BilingualText;
  onChange: (v: BilingualText) => void;
  errors: Record<string, string>;
  /** Lines of a multi-line text; a one-line field when left out. */
  rows?: number;
}) {
  const { t } = useTranslation();
  return (
    <div className="row">
      {(['it', 'en'] as const).map((lang) => {
        const props = {
          id: `${id}-${lang}`,
          label: t(`framework.editor.inLanguage.${lang}`, { field: label }),
          required: true,
          lang,
          value: value[lang],
          error: errors[`${path}.${lang}`] ?? errors[path],
          className: 'col-12 col-md-6',
        };
        return rows ? (
          <TextAreaField
            key={lang}
            {...props}
            rows={rows}
            onChange={(e) => onChange({ ...value, [lang]: e.target.value })}
          />
        ) : (
          <TextField key={lang} {...props} onChange={(e) => onChange({ ...value, [lang]: e.target.value })} />
        );
      })}
    </div>
  );
}

export const emptyText = (): BilingualText => ({ it: '', en: '' });

/** The client's own check of a bilingual text: both languages filled in. */
export function checkBilingual(
  errors: Record<string, string>,
  path: string,
  v: BilingualText,
  message: string,
) {
  if (!v.it.trim()) errors[`${path}.it`] = message;
  if (!v.en.trim()) errors[`${path}.en`] = message;
}

export const trimmed = (v: BilingualText): BilingualText => ({ it: v.it.trim(), en: v.en.trim() });
