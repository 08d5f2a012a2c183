import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert, pathErrors } from '../../components/ErrorAlert';
import { TextAreaField } from '../../components/Field';

type Props = {
  open: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  /** A rejection needs a reason (at least 5 characters); a cancellation may have one. */
  required: boolean;
  hint: string;
  pending: boolean;
  error: unknown;
  onConfirm: (reason: string | undefined) => void;
  onClose: () => void;
};

/** Mounted only while the dialog is open, so that each opening starts with an empty reason. */
function ReasonForm({
  text,
  confirmLabel,
  required,
  hint,
  pending,
  error,
  onConfirm,
  onClose,
}: Omit<Props, 'open' | 'title'>) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = reason.trim();
    if (required && trimmed.length < 5) {
      setLocal(t('enrolmentDialog.tooShort'));
      return;
    }
    setLocal(undefined);
    onConfirm(trimmed || undefined);
  };
  return (
    <>
      <p>{text}</p>
      <ErrorAlert error={error} />
      <form onSubmit={submit} noValidate>
        <TextAreaField
          id="enrolment-reason"
          label={required ? t('enrolmentDialog.reason') : t('enrolmentDialog.reasonOptional')}
          hint={hint}
          required={required}
          rows={3}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={local ?? pathErrors(error).reason}
        />
        <div className="d-flex flex-wrap gap-2 mt-4">
          <Button type="submit" color="danger" disabled={pending}>
            {confirmLabel}
          </Button>
          <Button type="button" color="secondary" outline onClick={onClose}>
            {t('enrolmentDialog.keep')}
          </Button>
        </div>
      </form>
    </>
  );
}

/** Asks for the reason of a rejection or a cancellation (told to the person concerned) before doing it. */
export function EnrolmentReasonDialog({ open, title, onClose, ...form }: Props) {
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <ReasonForm {...form} onClose={onClose} />
    </Dialog>
  );
}
