import type { OverviewRow, OverviewView } from '../../../../common/overview.js';
import { romeDate } from '../../../../common/rome-time.js';
import { writeCsv } from '../../../kernel/csv.js';
import type { Lang } from '../../../kernel/errors.js';
import { DEADLINE, HIRING, PLAN_STATUS, UNIT_TYPE } from './labels.js';

/**
 * The national view's table as files, with the filters applied (columns in
 * docs/manual/riassetto/vista-nazionale.md). CSV: ';'-separated, BOM, CRLF, comma decimals in
 * Italian (as the needs-assessment exports). XLSX: real numbers, labels in the caller's language.
 */
export const OVERVIEW_COLUMNS = [
  'istat_code',
  'sigla',
  'unit',
  'region',
  'unit_type',
  'programme_phase',
  'plan_status',
  'plan_updated_on',
  'population',
  'population_year',
  'capacity_year',
  'capacity_stale',
  'ratio_percent',
  'threshold_percent',
  'hiring_status',
  'next_deadline',
  'next_deadline_on',
  'overdue_documents',
  'task_force_lead',
  'open_risks',
] as const;

type Value = string | number | null;

function line(r: OverviewRow, lang: Lang): Value[] {
  return [
    r.istatCode,
    r.sigla,
    r.name,
    r.regionName,
    UNIT_TYPE[r.unitType]?.[lang] ?? r.unitType,
    r.programmePhase,
    PLAN_STATUS[r.planStatus][lang],
    r.planUpdatedAt ? romeDate(r.planUpdatedAt) : null,
    r.population,
    r.populationYear,
    r.capacityYear,
    r.capacityStale ? (lang === 'it' ? 'non aggiornato' : 'out of date') : '',
    r.ratioPercent,
    r.thresholdPercent,
    HIRING[r.hiringStatus][lang],
    r.nextDeadline ? `${DEADLINE[r.nextDeadline.kind][lang]} ${r.nextDeadline.year}` : null,
    r.nextDeadline?.due ?? null,
    r.overdue,
    r.lead?.name ?? null,
    r.openRisks,
  ];
}

function csvValue(v: Value, lang: Lang): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (Number.isInteger(v)) return String(v);
  const s = v.toFixed(2);
  return lang === 'it' ? s.replace('.', ',') : s;
}

export function overviewCsv(view: OverviewView, lang: Lang): Buffer {
  const rows = view.rows.map((r) => line(r, lang).map((v) => csvValue(v, lang)));
  return Buffer.from(writeCsv(OVERVIEW_COLUMNS, rows, { delimiter: ';' }), 'utf8');
}

export async function overviewXlsx(view: OverviewView, lang: Lang): Promise<Buffer> {
  // Loaded on the first spreadsheet asked for: exceljs is a fifth of the server's start-up otherwise.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Officina';
  const ws = wb.addWorksheet(lang === 'en' ? 'National view' : 'Vista nazionale', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.addRow([...OVERVIEW_COLUMNS]);
  ws.getRow(1).font = { bold: true };
  for (const r of view.rows) ws.addRow(line(r, lang));
  ws.columns.forEach((col, i) => {
    const name = OVERVIEW_COLUMNS[i] ?? '';
    col.width = Math.min(40, Math.max(10, name.length + 2));
    if (name === 'ratio_percent' || name === 'threshold_percent') col.numFmt = '0.00';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
