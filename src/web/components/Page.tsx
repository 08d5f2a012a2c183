import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title ("Page — Officina") so each route is announced and bookmarked sensibly. */
export function usePageTitle(title: string) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
}

/**
 * Sets the page's meta description (what search engines and link previews show) while the page is open,
 * and puts back the site's own description when it closes.
 */
export function usePageDescription(description: string | undefined) {
  useEffect(() => {
    if (!description) return;
    let meta = document.querySelector<HTMLMetaElement>('meta[name="description"]');
    if (!meta) {
      meta = document.createElement('meta');
      meta.name = 'description';
      document.head.appendChild(meta);
    }
    const previous = meta.content;
    meta.content = description.length > 300 ? `${description.slice(0, 297)}…` : description;
    const element = meta;
    return () => {
      element.content = previous;
    };
  }, [description]);
}

/** Page wrapper: title, h1 (the focus target after client-side navigation) and optional lead paragraph. */
export function Page({
  title,
  lead,
  actions,
  description,
  children,
}: {
  title: string;
  lead?: ReactNode;
  /** The meta description of public pages. */
  description?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  usePageTitle(title);
  usePageDescription(description);
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
