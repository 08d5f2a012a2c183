import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The pages of one unit in the restructuring area, in the order the task force works through them. */
export const unitSections = [
  { key: 'profile', path: '' },
  { key: 'plan', path: '/piano' },
  { key: 'capacity', path: '/capacita' },
  { key: 'programming', path: '/programmazione' },
  { key: 'taskForce', path: '/task-force' },
] as const;

export type UnitSection = (typeof unitSections)[number]['key'];

/** The address of a unit's page in the restructuring area. */
export const unitSectionUrl = (unitId: number, section: UnitSection = 'profile') =>
  `/riassetto/unita/${unitId}${unitSections.find((s) => s.key === section)?.path ?? ''}`;

/**
 * The tabs between a unit's restructuring pages (Bootstrap Italia nav-tabs as links): profile, plan,
 * hiring capacity, programming documents, the task force's work. The current one is marked for
 * assistive technology with aria-current; on a phone the row scrolls sideways instead of wrapping.
 */
export function UnitSectionNav({ unitId, unitName }: { unitId: number; unitName?: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('unitSections.label', { unit: unitName ?? '' })} className="mb-4 unit-section-nav">
      <ul className="nav nav-tabs flex-nowrap overflow-auto">
        {unitSections.map((s) => (
          <li className="nav-item" key={s.key}>
            <NavLink to={unitSectionUrl(unitId, s.key)} end className="nav-link text-nowrap">
              {t(`unitSections.${s.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
