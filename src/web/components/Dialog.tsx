import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal dialog on the native <dialog> element: the browser traps focus inside it, closes it with Escape
 * and gives focus back to the control that opened it, which is what screen-reader users expect.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="officina-dialog"
      aria-labelledby={titleId}
      onClose={() => {
        if (open) onClose();
      }}
    >
      <div className="d-flex justify-content-between align-items-start gap-3 p-4 pb-0">
        <h2 id={titleId} className="h4 mb-0">
          {title}
        </h2>
        <button type="button" className="btn btn-sm btn-link" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <div className="p-4">{open ? children : null}</div>
    </dialog>
  );
}
