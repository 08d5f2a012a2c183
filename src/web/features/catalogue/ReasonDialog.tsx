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
  pending: boolean;
  error: unknown;
  onConfirm: (reason: string) => void;
  onClose: () => void;
};

/** Mounted only while the dialog is open, so that each opening starts with an empty reason. */
function ReasonForm({
  text,
  confirmLabel,
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
    if (reason.trim().length < 5) {
      setLocal(t('reasonDialog.tooShort'));
      return;
    }
    setLocal(undefined);
    onConfirm(reason.trim());
  };
  return (
    <>
      <p>{text}</p>
      <ErrorAlert error={error} />
      <form onSubmit={submit} noValidate>
        <TextAreaField
          id="cancel-reason"
          label={t('reasonDialog.reason')}
          hint={t('reasonDialog.hint')}
          required
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={local ?? pathErrors(error).reason}
        />
        <div className="d-flex gap-2 mt-4">
          <Button type="submit" color="danger" disabled={pending}>
            {confirmLabel}
          </Button>
          <Button type="button" color="secondary" outline onClick={onClose}>
            {t('reasonDialog.keep')}
          </Button>
        </div>
      </form>
    </>
  );
}

/** Asks why something is being cancelled (the reason is shown publicly) before doing it. */
export function ReasonDialog({ open, title, onClose, ...form }: Props) {
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <ReasonForm {...form} onClose={onClose} />
    </Dialog>
  );
}
