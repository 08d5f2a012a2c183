import { useTranslation } from 'react-i18next';
import { categoriesOf, categoryOf, type MapIndicator, type OverviewRow } from '../../../common/overview';
import { categoryKey, categoryStyle } from './categories';

/** The tiles' legend: each category's swatch (colour and pattern), its name and how many units it holds. */
export function CategoryLegend({
  indicator,
  rows,
}: {
  indicator: MapIndicator;
  rows: readonly OverviewRow[];
}) {
  const { t } = useTranslation();
  return (
    <ul className="list-unstyled d-flex flex-wrap gap-3 small mb-2" aria-label={t('overview.map.legend')}>
      {categoriesOf(indicator).map((c) => (
        <li key={c} className="d-flex align-items-center gap-2">
          <span className="overview-swatch" style={categoryStyle(indicator, c)} aria-hidden="true" />
          <span>
            {t(categoryKey(indicator, c))} ({rows.filter((r) => categoryOf(r, indicator) === c).length})
          </span>
        </li>
      ))}
    </ul>
  );
}
