import { useTranslation } from 'react-i18next';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="d-flex align-items-center gap-3 my-4" role="status">
      <div className="progress-spinner progress-spinner-active size-sm">
        <span className="visually-hidden">{label ?? t('common.loading')}</span>
      </div>
      <span aria-hidden="true">{label ?? t('common.loading')}</span>
    </div>
  );
}
