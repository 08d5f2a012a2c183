import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/session';
import { matrixPath } from './access';

export const certificatesPath = (editionId: number) => `/formazione/edizioni/${editionId}/attestati`;
export const feedbackPath = (editionId: number) => `/formazione/edizioni/${editionId}/gradimento`;

type Current = 'attendance' | 'certificates' | 'feedback' | 'admin';

/** The pages about how an edition went (attendance, certificates, satisfaction), one step from each other. */
export function EditionLinks({ editionId, current }: { editionId: number; current: Current }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const links: { key: Current; to: string; label: string }[] = [
    { key: 'attendance', to: matrixPath(editionId), label: t('editionLinks.attendance') },
    { key: 'certificates', to: certificatesPath(editionId), label: t('editionLinks.certificates') },
    { key: 'feedback', to: feedbackPath(editionId), label: t('editionLinks.feedback') },
  ];
  if (me?.can.manageCatalogue)
    links.push({
      key: 'admin',
      to: `/amministrazione/edizioni/${editionId}`,
      label: t('editionLinks.admin'),
    });
  return (
    <nav aria-label={t('editionLinks.label')} className="mb-4">
      <ul className="list-inline mb-0">
        {links.map((l) => (
          <li key={l.key} className="list-inline-item me-3">
            {l.key === current ? (
              <span aria-current="page" className="fw-semibold">
                {l.label}
              </span>
            ) : (
              <Link to={l.to}>{l.label}</Link>
            )}
          </li>
        ))}
        <li className="list-inline-item">
          <Link to={`/formazione/edizioni/${editionId}`}>{t('editionLinks.public')}</Link>
        </li>
      </ul>
    </nav>
  );
}
