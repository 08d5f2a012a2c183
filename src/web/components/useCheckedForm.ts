import { type FormEvent, useState } from 'react';
import { pathErrors } from './ErrorAlert';
import { focusFirstInvalid } from './Field';

export type Checked<I> = { input?: I; errors: Record<string, string> };

/**
 * A form's draft, its field errors (the client's own checks over the server's answer) and a submit
 * handler that checks first: with problems it shows them and moves the focus to the first invalid
 * field, otherwise it hands the checked input on.
 */
export function useCheckedForm<D, I>(opts: {
  initial: () => D;
  check: (draft: D) => Checked<I>;
  onSubmit: (input: I) => void;
  serverError: unknown;
}) {
  const [draft, setDraft] = useState<D>(opts.initial);
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...pathErrors(opts.serverError), ...local };
  const set = (patch: Partial<D>) => setDraft({ ...draft, ...patch });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { input, errors: problems } = opts.check(draft);
    setLocal(problems);
    if (!input) {
      focusFirstInvalid();
      return;
    }
    opts.onSubmit(input);
  };
  return { draft, set, errors, clientErrors: local, submit };
}
