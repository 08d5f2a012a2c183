import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type Choice, ChoiceField } from '../../components/Field';

type Props = {
  open: boolean;
  name: string;
  choices: Choice[];
  pending: boolean;
  error: unknown;
  onConfirm: (toEditionId: number) => void;
  onClose: () => void;
};

function MoveForm({ choices, pending, error, onConfirm, onClose }: Omit<Props, 'open' | 'name'>) {
  const { t } = useTranslation();
  const [target, setTarget] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!target) {
      setLocal(t('enrolmentMove.choose'));
      return;
    }
    setLocal(undefined);
    onConfirm(Number(target));
  };
  return (
    <>
      <p>{t('enrolmentMove.text')}</p>
      <ErrorAlert error={error} />
      <form onSubmit={submit} noValidate>
        <ChoiceField
          id="enrolment-move-to"
          label={t('enrolmentMove.to')}
          required
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          empty={t('enrolmentMove.empty')}
          choices={choices}
          error={local}
        />
        <div className="d-flex flex-wrap gap-2 mt-4">
          <Button type="submit" color="primary" disabled={pending}>
            {t('enrolmentMove.confirm')}
          </Button>
          <Button type="button" color="secondary" outline onClick={onClose}>
            {t('enrolmentMove.keep')}
          </Button>
        </div>
      </form>
    </>
  );
}

/** Moves a person to another edition of the same path (an administrator's decision). */
export function MoveDialog({ open, name, onClose, ...form }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('enrolmentMove.title', { name })} onClose={onClose}>
      <MoveForm {...form} onClose={onClose} />
    </Dialog>
  );
}
