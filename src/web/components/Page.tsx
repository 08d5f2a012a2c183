import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title ("Page — Officina") so each route is announced and bookmarked sensibly. */
export function usePageTitle(title: string) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
}

/** Page wrapper: title, h1 (the focus target after client-side navigation) and optional lead paragraph. */
export function Page({
  title,
  lead,
  actions,
  children,
}: {
  title: string;
  lead?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  usePageTitle(title);
  return (
    <div className="container-xxl px-4 py-4 py-lg-5">
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-3 mb-4">
        <div>
          <h1 className="mb-2" tabIndex={-1} data-page-heading="">
            {title}
          </h1>
          {lead ? <p className="lead mb-0">{lead}</p> : null}
        </div>
        {actions ? <div className="d-flex flex-wrap gap-2">{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}
