import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { ErrorAlert, pathErrors } from './ErrorAlert';
import { TextAreaField } from './Field';

export type ReasonDialogProps = {
  open: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  /** A required reason has at least 5 characters; an optional one may be left empty. */
  required: boolean;
  label: string;
  hint: string;
  keepLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm: (reason: string | undefined) => void;
  onClose: () => void;
};

/** Mounted only while the dialog is open, so that each opening starts with an empty reason. */
function ReasonForm(p: Omit<ReasonDialogProps, 'open' | 'title'>) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = reason.trim();
    if (p.required && trimmed.length < 5) {
      setLocal(t('reasonDialog.tooShort'));
      return;
    }
    setLocal(undefined);
    p.onConfirm(trimmed || undefined);
  };
  return (
    <>
      <p>{p.text}</p>
      <ErrorAlert error={p.error} />
      <form onSubmit={submit} noValidate>
        <TextAreaField
          id="reason-dialog-reason"
          label={p.label}
          hint={p.hint}
          required={p.required}
          rows={3}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={local ?? pathErrors(p.error).reason}
        />
        <div className="d-flex flex-wrap gap-2 mt-4">
          <Button type="submit" color="danger" disabled={p.pending}>
            {p.confirmLabel}
          </Button>
          <Button type="button" color="secondary" outline onClick={p.onClose}>
            {p.keepLabel}
          </Button>
        </div>
      </form>
    </>
  );
}

/** Asks why something is being cancelled, rejected or revoked before doing it. */
export function ReasonDialog({ open, title, onClose, ...form }: ReasonDialogProps) {
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <ReasonForm {...form} onClose={onClose} />
    </Dialog>
  );
}
