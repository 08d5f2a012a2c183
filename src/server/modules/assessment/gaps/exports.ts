import type { GapFigures, GapSuppression, Heatmap, Priorities } from '../../../../common/gaps.js';
import { writeCsv } from '../../../kernel/csv.js';

/**
 * The heatmap and the ranking as files (columns in docs/gaps.md): one line per cell, margin or
 * ranked group, with the same figures as the JSON answer. A suppressed figure is an empty cell, and
 * the `suppressed` and `note` columns say why. CSV is ';'-separated with a BOM and CRLF (Excel in
 * Italian opens it as is); decimals take a comma in Italian and a point in English. XLSX holds real
 * numbers.
 */

export const HEATMAP_COLUMNS = [
  'campaign_id',
  'row_dimension',
  'row_code',
  'row_label',
  'column_dimension',
  'column_code',
  'column_label',
  'kind',
  'respondents',
  'mean_gap',
  'affected',
  'share_affected',
  'priority',
  'suppressed',
  'note',
] as const;

export const PRIORITY_COLUMNS = [
  'campaign_id',
  'rank',
  'dimension',
  'code',
  'label',
  'domain',
  'respondents',
  'mean_gap',
  'affected',
  'share_affected',
  'priority',
  'suppressed',
  'note',
] as const;

type Lang = 'it' | 'en';
type Value = string | number | null;

export function suppressionNote(s: GapSuppression | null, k: number, lang: Lang): string {
  if (s === null) return '';
  const it = {
    primary: `Meno di ${k} persone: il dato non si mostra (n<${k}).`,
    secondary: 'Nascosto perché non si possa ricavare un dato soppresso dai totali.',
    differencing: `Nascosto perché, per differenza con un altro totale pubblicato, rivelerebbe un gruppo di meno di ${k} persone.`,
    otherUnit: 'Nascosto perché, tolto il proprio ente, riguarderebbe un solo altro ente.',
  };
  const en = {
    primary: `Fewer than ${k} people: not shown (n<${k}).`,
    secondary: 'Hidden so that a suppressed figure cannot be worked out from the totals.',
    differencing: `Hidden because, subtracted from another published total, it would reveal a group of fewer than ${k} people.`,
    otherUnit: 'Hidden because, apart from your own unit, it would cover one other unit only.',
  };
  return (lang === 'en' ? en : it)[s];
}

const TOTAL_LABEL = { it: 'Totale', en: 'Total' };

/** The lines of the heatmap, as values (numbers unrounded; null when empty). */
function heatmapLines(h: Heatmap, lang: Lang): Value[][] {
  const k = h.campaign.minGroupSize;
  const line = (
    row: { code: string; label: string },
    col: { code: string; label: string },
    kind: string,
    f: GapFigures,
  ): Value[] => [
    h.campaign.id,
    h.rows,
    row.code,
    row.label,
    h.columns,
    col.code,
    col.label,
    kind,
    f.respondents,
    f.meanGap,
    f.affected,
    f.shareAffected,
    f.priority,
    f.suppressed ?? '',
    suppressionNote(f.suppressed, k, lang),
  ];
  const total = { code: '', label: TOTAL_LABEL[lang] };
  const out: Value[][] = [];
  h.rowHeads.forEach((r, i) => {
    h.columnHeads.forEach((c, j) => {
      const f = h.cells[i]?.[j];
      if (f) out.push(line(r, c, 'cell', f));
    });
    const t = h.rowTotals[i];
    if (t) out.push(line(r, total, 'row_total', t));
  });
  h.columnHeads.forEach((c, j) => {
    const f = h.columnTotals[j];
    if (f) out.push(line(total, c, 'column_total', f));
  });
  out.push(line(total, total, 'grand_total', h.grandTotal));
  return out;
}

function priorityLines(p: Priorities, lang: Lang): Value[][] {
  const k = p.campaign.minGroupSize;
  return [
    ...p.items.map((i): Value[] => [
      p.campaign.id,
      i.rank,
      p.by,
      i.code,
      i.label,
      i.domain ?? '',
      i.respondents,
      i.meanGap,
      i.affected,
      i.shareAffected,
      i.priority,
      '',
      '',
    ]),
    ...p.hidden.map((x): Value[] => [
      p.campaign.id,
      null,
      p.by,
      x.code,
      x.label,
      x.domain ?? '',
      null,
      null,
      null,
      null,
      null,
      x.suppressed,
      suppressionNote(x.suppressed, k, lang),
    ]),
  ];
}

function csvValue(v: Value, lang: Lang): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (Number.isInteger(v)) return String(v);
  const s = v.toFixed(2);
  return lang === 'it' ? s.replace('.', ',') : s;
}

export function heatmapCsv(h: Heatmap, lang: Lang): string {
  return writeCsv(
    HEATMAP_COLUMNS,
    heatmapLines(h, lang).map((l) => l.map((v) => csvValue(v, lang))),
    { delimiter: ';' },
  );
}

export function prioritiesCsv(p: Priorities, lang: Lang): string {
  return writeCsv(
    PRIORITY_COLUMNS,
    priorityLines(p, lang).map((l) => l.map((v) => csvValue(v, lang))),
    { delimiter: ';' },
  );
}

async function workbook(sheet: string, header: readonly string[], lines: Value[][]): Promise<Buffer> {
  // Loaded on the first spreadsheet asked for: exceljs is a fifth of the server's start-up otherwise.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Officina';
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...header]);
  ws.getRow(1).font = { bold: true };
  for (const l of lines) ws.addRow(l.map((v) => (v === null ? null : v)));
  ws.columns.forEach((col, i) => {
    col.width = Math.min(50, Math.max(10, (header[i] ?? '').length + 2));
    const name = header[i] ?? '';
    if (['mean_gap', 'share_affected', 'priority'].includes(name)) col.numFmt = '0.00';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function heatmapXlsx(h: Heatmap, lang: Lang): Promise<Buffer> {
  return workbook(lang === 'en' ? 'Heatmap' : 'Mappa di calore', HEATMAP_COLUMNS, heatmapLines(h, lang));
}

export function prioritiesXlsx(p: Priorities, lang: Lang): Promise<Buffer> {
  return workbook(lang === 'en' ? 'Priorities' : 'Priorità', PRIORITY_COLUMNS, priorityLines(p, lang));
}
