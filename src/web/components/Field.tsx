import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

type Common = {
  id: string;
  label: string;
  /** Server or client validation message shown under the field and linked with aria-describedby. */
  error?: string | undefined;
  hint?: ReactNode;
};

function describedBy(id: string, error?: string, hint?: ReactNode): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Messages({ id, error, hint }: { id: string; error?: string | undefined; hint?: ReactNode }) {
  return (
    <>
      {hint ? (
        <small id={`${id}-hint`} className="form-text">
          {hint}
        </small>
      ) : null}
      {error ? (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      ) : null}
    </>
  );
}

/** A Bootstrap Italia text input; the label always sits above the field (no floating label script needed). */
export function TextField({
  id,
  label,
  error,
  hint,
  className,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  return (
    <div className={`form-group ${className ?? ''}`}>
      <label htmlFor={id} className="active">
        {label}
      </label>
      <input
        id={id}
        className={`form-control${error ? ' is-invalid' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...input}
      />
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}

export function SelectField({
  id,
  label,
  error,
  hint,
  className,
  children,
  ...select
}: Common & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  return (
    <div className={`select-wrapper form-group ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className={error ? 'is-invalid' : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...select}
      >
        {children}
      </select>
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}

/** One option of a ChoiceField. */
export type Choice = { value: string; label: string };

/** Reference data ({ code, name }) as choices. */
export function codeChoices(items: readonly { code: string; name: string }[] | undefined): Choice[] {
  return (items ?? []).map((i) => ({ value: i.code, label: i.name }));
}

/** A SelectField over a list of choices, optionally preceded by an empty choice ("all", "choose", "none"). */
export function ChoiceField({
  choices,
  empty,
  ...select
}: Common &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'> & {
    choices: readonly Choice[];
    empty?: string | undefined;
  }) {
  return (
    <SelectField {...select}>
      {empty === undefined ? null : <option value="">{empty}</option>}
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </SelectField>
  );
}

/** A Bootstrap Italia toggle switch (a real checkbox). */
export function ToggleField({
  id,
  label,
  checked,
  onChange,
  disabled,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <div className="form-check form-check-group toggles mb-4">
      <label htmlFor={id}>
        {label}
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span className="lever" />
      </label>
    </div>
  );
}

/** A multi-line text field with its label above. */
export function TextAreaField({
  id,
  label,
  error,
  hint,
  className,
  ...area
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  return (
    <div className={`form-group ${className ?? ''}`}>
      <label htmlFor={id} className="active">
        {label}
      </label>
      <textarea
        id={id}
        className={`form-control${error ? ' is-invalid' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        rows={4}
        {...area}
      />
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}

/** A Bootstrap Italia checkbox with its label on the right. */
export function CheckboxField({
  id,
  label,
  checked,
  onChange,
  disabled,
  className,
}: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  className?: string;
}) {
  return (
    <div className={`form-check ${className ?? ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** After a failed client-side check: move the focus to the first invalid field once the errors have rendered. */
export function focusFirstInvalid() {
  window.setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
}
