import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import en from '../../../../docs/manual/en.md?raw';
import it from '../../../../docs/manual/it.md?raw';
import { Page } from '../../components/Page';
import { headings, renderMarkdown } from './markdown';

/** The user manual, from docs/manual/<lang>.md: one text for the repository and the application. */
export default function ManualPage() {
  const { t, i18n } = useTranslation();
  // The page has its own h1: the document's title line is left out.
  const source = useMemo(() => (i18n.language === 'en' ? en : it).replace(/^# .*\n/, ''), [i18n.language]);
  const toc = useMemo(() => headings(source).filter((h) => h.level === 2), [source]);
  const body = useMemo(() => renderMarkdown(source, t('manual.table')), [source, t]);
  return (
    <Page title={t('manual.title')} lead={t('manual.lead')}>
      <div className="row">
        <nav className="col-12 col-lg-3 mb-4" aria-labelledby="manual-toc">
          <h2 id="manual-toc" className="h5">
            {t('manual.contents')}
          </h2>
          <ul className="list-unstyled">
            {toc.map((h) => (
              <li key={h.id} className="mb-1">
                <a href={`#${h.id}`}>{h.text}</a>
              </li>
            ))}
          </ul>
        </nav>
        {/* The manual is our own text, rendered by markdown-it with raw HTML escaped. */}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: markdown-it output with html disabled */}
        <article className="col-12 col-lg-9 officina-manual" dangerouslySetInnerHTML={{ __html: body }} />
      </div>
    </Page>
  );
}
