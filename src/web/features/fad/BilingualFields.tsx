import { TextAreaField, TextField } from '../../components/Field';

type Lang = 'it' | 'en';

/**
 * One field written in Italian and, optionally, in English: side by side from tablets up, one under the
 * other on a phone. The Italian one may be required; the English one never is.
 */
export function BilingualFields({
  id,
  label,
  value,
  error,
  requiredIt = false,
  multiline = false,
  rows,
  maxLength,
  hint,
  onChange,
}: {
  id: string;
  label: Record<Lang, string>;
  value: Record<Lang, string>;
  error?: Partial<Record<Lang, string | undefined>>;
  requiredIt?: boolean;
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
  hint?: string;
  onChange: (lang: Lang, value: string) => void;
}) {
  const field = (lang: Lang) => {
    const props = {
      id: `${id}-${lang}`,
      label: label[lang],
      value: value[lang],
      maxLength,
      required: lang === 'it' && requiredIt,
      error: error?.[lang],
      hint: lang === 'it' ? hint : undefined,
    };
    return multiline ? (
      <TextAreaField {...props} rows={rows} onChange={(e) => onChange(lang, e.target.value)} />
    ) : (
      <TextField {...props} onChange={(e) => onChange(lang, e.target.value)} />
    );
  };
  return (
    <div className="row">
      <div className="col-12 col-md-6">{field('it')}</div>
      <div className="col-12 col-md-6">{field('en')}</div>
    </div>
  );
}
