import { useTranslation } from 'react-i18next';
import { ReasonDialog, type ReasonDialogProps } from '../../components/ReasonDialog';

/** Asks for the reason of a rejection or a cancellation (told to the person concerned) before doing it. */
export function EnrolmentReasonDialog(props: Omit<ReasonDialogProps, 'label' | 'keepLabel'>) {
  const { t } = useTranslation();
  return (
    <ReasonDialog
      {...props}
      label={props.required ? t('enrolmentDialog.reason') : t('enrolmentDialog.reasonOptional')}
      keepLabel={t('enrolmentDialog.keep')}
    />
  );
}
