import { Button } from 'design-react-kit';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Setter<F> = (patch: Partial<F>) => void;

/**
 * A list's filter form: the fields edit a draft, applied on submit (so that the address changes once per
 * search), with the search and reset buttons. `children` renders the fields inside a grid row, `after`
 * anything below it.
 */
export function FiltersPanel<F>({
  label,
  value,
  onApply,
  onReset,
  children,
  after,
}: {
  label: string;
  value: F;
  onApply: (draft: F) => void;
  onReset: () => void;
  children: (draft: F, set: Setter<F>) => ReactNode;
  after?: (draft: F, set: Setter<F>) => ReactNode;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  // Follow the address (back button, reset) without losing what is being typed on unrelated re-renders.
  const applied = JSON.stringify(value);
  useEffect(() => setDraft(JSON.parse(applied) as F), [applied]);
  const set: Setter<F> = (patch) => setDraft({ ...draft, ...patch });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  return (
    <form className="officina-filters" aria-label={label} onSubmit={submit}>
      <div className="row">{children(draft, set)}</div>
      {after?.(draft, set)}
      <div className="d-flex gap-2 mt-3">
        <Button type="submit" color="primary" size="sm">
          {t('common.search')}
        </Button>
        <Button type="button" color="secondary" outline size="sm" onClick={onReset}>
          {t('common.reset')}
        </Button>
      </div>
    </form>
  );
}
