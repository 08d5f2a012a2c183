import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';

/** The end of a draft editor's form: the unsaved-changes note, Save, and Cancel (asking first when dirty). */
export function FormActions({
  dirty,
  pending,
  onCancel,
}: {
  dirty: boolean;
  pending: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="small mb-2" aria-live="polite">
        {dirty ? t('framework.editor.unsavedNote') : ''}
      </p>
      <div className="d-flex flex-wrap gap-2">
        <Button type="submit" color="primary" disabled={pending}>
          {pending ? t('framework.editor.saving') : t('framework.editor.save')}
        </Button>
        <Button
          type="button"
          color="secondary"
          outline
          onClick={() => {
            if (!dirty || window.confirm(t('framework.editor.discard'))) onCancel();
          }}
        >
          {t('common.cancel')}
        </Button>
      </div>
    </>
  );
}
