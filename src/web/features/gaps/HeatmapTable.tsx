import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { GAP_STEPS, type GapFigures, type Heatmap } from '../../../common/gaps';
import { TableScroll } from '../../components/TableScroll';
import { formatGap, formatShare, stepOf } from './format';

const HATCH = 'repeating-linear-gradient(45deg, #e6e9f2 0 6px, #c5cbd6 6px 8px)';
const sticky: CSSProperties = {
  position: 'sticky',
  left: 0,
  background: '#ffffff',
  zIndex: 1,
  minWidth: '10rem',
};

/** One cell: the mean gap, the level word and n, on a colour; a hidden cell says "n<k" and why. */
function Cell({ f, k }: { f: GapFigures; k: number }) {
  const { t } = useTranslation();
  if (f.suppressed)
    return (
      <td className="text-center small" style={{ background: HATCH, color: '#17324d' }}>
        <abbr title={t(`gaps.suppressed.${f.suppressed}`, { k })}>{`n<${k}`}</abbr>
        <span className="visually-hidden">{t(`gaps.suppressed.${f.suppressed}`, { k })}</span>
      </td>
    );
  if (f.meanGap === null)
    return (
      <td className="text-center small">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('gaps.nobody')}</span>
      </td>
    );
  const step = stepOf(f.meanGap);
  return (
    <td className="text-center" style={{ background: step.fill, color: step.text }}>
      <strong>{formatGap(f.meanGap)}</strong>
      <br />
      <span className="small">
        {t(`gaps.step.${step.index}`)} · n={f.respondents}
      </span>
      <span className="visually-hidden">
        , {t('gaps.affectedShort', { share: formatShare(f.shareAffected ?? 0) })}
      </span>
    </td>
  );
}

/** The heatmap as a real table: headers for rows and columns, margins, a legend below. */
export function HeatmapTable({ h }: { h: Heatmap }) {
  const { t } = useTranslation();
  const k = h.campaign.minGroupSize;
  const caption = t('gaps.heatCaption', {
    rows: t(`gaps.rows.${h.rows}`),
    columns: t(`gaps.columns.${h.columns}`),
  });
  return (
    <>
      <TableScroll label={caption}>
        <table className="table table-bordered align-middle mb-2">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col" style={sticky}>
                {t(`gaps.rows.${h.rows}`)}
              </th>
              {h.columnHeads.map((c) => (
                <th key={c.code} scope="col" className="small" style={{ minWidth: '6.5rem' }}>
                  {c.label}
                </th>
              ))}
              <th scope="col">{t('gaps.total')}</th>
            </tr>
          </thead>
          <tbody>
            {h.rowHeads.map((r, i) => (
              <tr key={r.code}>
                <th scope="row" style={sticky}>
                  {r.label}
                  {r.tooSmall ? (
                    <span className="d-block small fw-normal">{t('gaps.tooSmallUnit', { k })}</span>
                  ) : null}
                </th>
                {h.columnHeads.map((c, j) => (
                  <Cell key={c.code} f={h.cells[i]?.[j] as GapFigures} k={k} />
                ))}
                <Cell f={h.rowTotals[i] as GapFigures} k={k} />
              </tr>
            ))}
          </tbody>
          {h.columnHeads.length ? (
            <tfoot>
              <tr>
                <th scope="row" style={sticky}>
                  {h.unit && h.rows === 'unit' ? h.unit.name : t('gaps.total')}
                </th>
                {h.columnTotals.map((f, j) => (
                  <Cell key={h.columnHeads[j]?.code} f={f} k={k} />
                ))}
                <Cell f={h.grandTotal} k={k} />
              </tr>
            </tfoot>
          ) : null}
        </table>
      </TableScroll>
      <Legend k={k} />
    </>
  );
}

export function Legend({ k }: { k: number }) {
  const { t } = useTranslation();
  let low = 0;
  return (
    <div className="mb-4">
      <p className="small mb-1">
        <strong>{t('gaps.legend')}</strong> {t('gaps.legendText')}
      </p>
      <ul className="list-unstyled d-flex flex-wrap gap-3 small mb-1">
        {GAP_STEPS.map((s, i) => {
          const from = low;
          low = s.upTo;
          return (
            <li key={s.fill} className="d-flex align-items-center gap-1">
              <span
                aria-hidden="true"
                style={{
                  display: 'inline-block',
                  width: 20,
                  height: 16,
                  background: s.fill,
                  border: '1px solid #5c6f82',
                }}
              />
              {t(`gaps.step.${i}`)}: {formatGap(from)}–{Number.isFinite(s.upTo) ? formatGap(s.upTo) : '3'}
            </li>
          );
        })}
        <li className="d-flex align-items-center gap-1">
          <span
            aria-hidden="true"
            style={{
              display: 'inline-block',
              width: 20,
              height: 16,
              background: HATCH,
              border: '1px solid #5c6f82',
            }}
          />
          {`n<${k}`}: {t('gaps.hiddenLegend', { k })}
        </li>
      </ul>
    </div>
  );
}
