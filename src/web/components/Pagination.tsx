import { Icon } from 'design-react-kit';
import { useTranslation } from 'react-i18next';

/** Previous / next pager with page numbers around the current page (Bootstrap Italia markup). */
export function Pagination({
  page,
  pageSize,
  total,
  onPage,
  label,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const first = Math.max(1, Math.min(page - 2, pages - 4));
  const numbers = Array.from({ length: Math.min(5, pages) }, (_, i) => first + i);
  return (
    <nav className="pagination-wrapper justify-content-center mt-4" aria-label={label}>
      <ul className="pagination">
        <li className={`page-item${page <= 1 ? ' disabled' : ''}`}>
          <button type="button" className="page-link" onClick={() => onPage(page - 1)} disabled={page <= 1}>
            <Icon icon="it-chevron-left" aria-hidden />
            <span className="visually-hidden">{t('pager.previous')}</span>
          </button>
        </li>
        {numbers.map((n) => (
          <li key={n} className="page-item">
            <button
              type="button"
              className={`page-link${n === page ? ' active' : ''}`}
              aria-current={n === page ? 'page' : undefined}
              onClick={() => onPage(n)}
            >
              <span className="visually-hidden">{t('pager.page')} </span>
              {n}
            </button>
          </li>
        ))}
        <li className={`page-item${page >= pages ? ' disabled' : ''}`}>
          <button
            type="button"
            className="page-link"
            onClick={() => onPage(page + 1)}
            disabled={page >= pages}
          >
            <span className="visually-hidden">{t('pager.next')}</span>
            <Icon icon="it-chevron-right" aria-hidden />
          </button>
        </li>
      </ul>
      <p className="ms-3 mb-0 small" aria-live="polite">
        {t('pager.summary', { page, pages, total })}
      </p>
    </nav>
  );
}
