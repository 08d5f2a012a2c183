import italyMap from '@svg-maps/italy';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MapIndicator, type OverviewRow, regionAggregates, shareBand } from '../../../common/overview';
import { TableScroll } from '../../components/TableScroll';
import { SHARE_FILLS } from './categories';

/** The package's shape (its declared types refer to a package that is not installed). */
const italy = italyMap as unknown as {
  viewBox: string;
  locations: { id: string; name: string; path: string }[];
};

/** ISTAT region codes of the map's regions (its ids are English names). */
const REGION_CODES: Record<string, string> = {
  piedmont: '01',
  'aosta-valley': '02',
  lombardy: '03',
  'trentino-south-tyrol': '04',
  veneto: '05',
  'friuli-venezia-giulia': '06',
  liguria: '07',
  'emilia-romagna': '08',
  tuscany: '09',
  umbria: '10',
  marche: '11',
  lazio: '12',
  abruzzo: '13',
  molise: '14',
  campania: '15',
  apulia: '16',
  basilicata: '17',
  calabria: '18',
  sicily: '19',
  sardinia: '20',
};

/** One pattern per band on top of its colour, so that the bands differ without colour too. */
const BAND_PATTERNS = ['', 'overview-p1', 'overview-p2', 'overview-p3', 'overview-p4'];

/**
 * Italy's 20 regions (@svg-maps/italy, CC BY 4.0) coloured by the share of their units "in order"
 * for the chosen indicator, in five named bands. Each region is a link: Enter filters the table.
 */
export function RegionMap({
  rows,
  indicator,
  onRegion,
}: {
  rows: readonly OverviewRow[];
  indicator: MapIndicator;
  onRegion: (code: string) => void;
}) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const aggregates = regionAggregates(rows, indicator);
  const byCode = new Map(aggregates.map((a) => [a.regionCode, a]));
  const what = t(`overview.map.good.${indicator}`);
  const pct = (share: number) => Math.round(share * 100);
  return (
    <section aria-labelledby="overview-regions-title" className="mb-4">
      <h3 id="overview-regions-title" className="h5">
        {t('overview.map.regions')}
      </h3>
      <p className="small text-secondary">{t('overview.map.regionsDesc')}</p>
      <p className="small mb-1">{t('overview.map.shareLegend', { what })}</p>
      <ul className="list-unstyled d-flex flex-wrap gap-3 small mb-2" aria-label={t('overview.map.legend')}>
        {SHARE_FILLS.map((fill, i) => (
          <li key={fill} className="d-flex align-items-center gap-2">
            <svg width="20" height="20" aria-hidden="true">
              <rect width="20" height="20" fill={fill} stroke="#5c6f82" />
              {BAND_PATTERNS[i] ? <rect width="20" height="20" fill={`url(#${BAND_PATTERNS[i]})`} /> : null}
            </svg>
            {t('overview.map.band', { from: i * 20, to: i === 4 ? 100 : i * 20 + 19 })}
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn-link btn-sm px-0 mb-2" onClick={() => setAsTable(!asTable)}>
        {asTable ? t('overview.map.hideTable') : t('overview.map.showTable')}
      </button>
      {asTable ? (
        <TableScroll label={t('overview.map.regionTable')}>
          <table className="table table-sm">
            <caption>{t('overview.map.regionTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overview.table.region')}</th>
                <th scope="col">{t('overview.map.units')}</th>
                <th scope="col">{t('overview.map.inRegola')}</th>
                <th scope="col">{t('overview.map.share')}</th>
              </tr>
            </thead>
            <tbody>
              {aggregates.map((a) => (
                <tr key={a.regionCode}>
                  <th scope="row">{a.regionName}</th>
                  <td>{a.units}</td>
                  <td>{a.good}</td>
                  <td>{pct(a.share)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <svg className="overview-regions" viewBox={italy.viewBox}>
          <title>{t('overview.map.regions')}</title>
          <defs>
            <pattern id="overview-p1" width="8" height="8" patternUnits="userSpaceOnUse">
              <circle cx="4" cy="4" r="1.3" fill="rgba(0,0,0,0.45)" />
            </pattern>
            <pattern id="overview-p2" width="8" height="8" patternUnits="userSpaceOnUse">
              <path d="M0 8 L8 0" stroke="rgba(0,0,0,0.45)" strokeWidth="1.5" />
            </pattern>
            <pattern id="overview-p3" width="8" height="8" patternUnits="userSpaceOnUse">
              <path d="M0 8 L8 0 M0 0 L8 8" stroke="rgba(0,0,0,0.45)" strokeWidth="1.2" />
            </pattern>
            <pattern id="overview-p4" width="6" height="6" patternUnits="userSpaceOnUse">
              <path d="M0 3 H6" stroke="rgba(255,255,255,0.7)" strokeWidth="1.5" />
            </pattern>
          </defs>
          {italy.locations.map((loc) => {
            const code = REGION_CODES[loc.id] ?? '';
            const a = byCode.get(code);
            if (!a)
              return <path key={loc.id} d={loc.path} fill="#ffffff" stroke="#5c6f82" strokeDasharray="3 2" />;
            const band = shareBand(a.share);
            const label = t('overview.map.regionShare', {
              region: a.regionName,
              good: a.good,
              units: a.units,
              percent: pct(a.share),
            });
            return (
              <a
                key={loc.id}
                href={`?region=${code}`}
                aria-label={label}
                onClick={(e) => {
                  e.preventDefault();
                  onRegion(code);
                }}
              >
                <title>{label}</title>
                <path d={loc.path} fill={SHARE_FILLS[band]} stroke="#17324d" strokeWidth="1" />
                {BAND_PATTERNS[band] ? (
                  <path d={loc.path} fill={`url(#${BAND_PATTERNS[band]})`} pointerEvents="none" />
                ) : null}
              </a>
            );
          })}
        </svg>
      )}
      <p className="small text-secondary mt-1">{t('overview.map.credit')}</p>
    </section>
  );
}
