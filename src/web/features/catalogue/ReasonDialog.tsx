import { useTranslation } from 'react-i18next';
import { ReasonDialog as Base, type ReasonDialogProps } from '../../components/ReasonDialog';

type Props = Omit<ReasonDialogProps, 'required' | 'label' | 'hint' | 'keepLabel' | 'onConfirm'> & {
  onConfirm: (reason: string) => void;
};

/** Asks why an edition or session is being cancelled (the reason is shown publicly) before doing it. */
export function ReasonDialog({ onConfirm, ...props }: Props) {
  const { t } = useTranslation();
  return (
    <Base
      {...props}
      required
      label={t('reasonDialog.reason')}
      hint={t('reasonDialog.hint')}
      keepLabel={t('reasonDialog.keep')}
      onConfirm={(reason) => onConfirm(reason ?? '')}
    />
  );
}
