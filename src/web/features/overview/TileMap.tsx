import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { categoryOf, type MapIndicator, type OverviewRow } from '../../../common/overview';
import { TILE_COLUMNS, TILE_GRID, TILE_ROWS } from '../../../common/tile-grid';
import { TableScroll } from '../../components/TableScroll';
import { unitSectionUrl } from '../../components/UnitSectionNav';
import { categoryKey, categoryStyle } from './categories';
import { CategoryLegend } from './Legend';

/**
 * The 107 units as a tile grid, one square per unit placed roughly by geography, coloured and
 * patterned by the chosen indicator. Each tile is a link (Tab to reach it, Enter to open the unit)
 * named with the unit and its value; units outside the caller's scope or filters are drawn empty.
 */
export function TileMap({ rows, indicator }: { rows: readonly OverviewRow[]; indicator: MapIndicator }) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const byCode = new Map(rows.map((r) => [r.istatCode, r]));
  const value = (r: OverviewRow) => t(categoryKey(indicator, categoryOf(r, indicator)));
  return (
    <section aria-labelledby="overview-tiles-title" className="mb-4">
      <h3 id="overview-tiles-title" className="h5">
        {t('overview.map.tiles')}
      </h3>
      <p className="small text-secondary">{t('overview.map.tilesDesc')}</p>
      <CategoryLegend indicator={indicator} rows={rows} />
      <button type="button" className="btn btn-link btn-sm px-0 mb-2" onClick={() => setAsTable(!asTable)}>
        {asTable ? t('overview.map.hideTable') : t('overview.map.showTable')}
      </button>
      {asTable ? (
        <TableScroll label={t('overview.map.tileTable')}>
          <table className="table table-sm">
            <caption>{t('overview.map.tileTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overview.table.unit')}</th>
                <th scope="col">{t(`overview.map.indicators.${indicator}`)}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.unitId}>
                  <th scope="row">
                    <Link to={unitSectionUrl(r.unitId)}>
                      {r.name} ({r.sigla})
                    </Link>
                  </th>
                  <td>{value(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <div
          className="overview-tiles"
          style={{
            gridTemplateColumns: `repeat(${TILE_COLUMNS}, minmax(1.6rem, 2.6rem))`,
            gridTemplateRows: `repeat(${TILE_ROWS}, minmax(1.6rem, 2.6rem))`,
          }}
        >
          {TILE_GRID.map((tile) => {
            const r = byCode.get(tile.istatCode);
            const place = { gridColumn: tile.col + 1, gridRow: tile.row + 1 };
            if (!r)
              return (
                <span
                  key={tile.istatCode}
                  className="overview-tile overview-tile-empty"
                  style={place}
                  title={`${tile.sigla}: ${t('overview.map.notInScope')}`}
                >
                  {tile.sigla}
                </span>
              );
            const label = `${r.name} (${r.sigla}): ${value(r)}`;
            return (
              <Link
                key={tile.istatCode}
                to={unitSectionUrl(r.unitId)}
                className="overview-tile"
                style={{ ...place, ...categoryStyle(indicator, categoryOf(r, indicator)) }}
                aria-label={label}
                title={label}
              >
                {tile.sigla}
              </Link>
            );
          })}
        </div>
      )}
    </section>
  );
}
