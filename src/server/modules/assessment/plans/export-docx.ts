import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { PlanDocument } from './export-content.js';

const cell = (text: string, opts: { bold?: boolean; header?: boolean } = {}) =>
  new TableCell({
    children: [
      new Paragraph({ children: [new TextRun({ text, bold: opts.bold ?? opts.header ?? false, size: 18 })] }),
    ],
    ...(opts.header ? { shading: { type: ShadingType.CLEAR, fill: 'E6E9F2', color: 'auto' } } : {}),
  });

function table(head: string[], rows: string[][], totals?: string[]) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, { header: true })) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
      ...(totals ? [new TableRow({ children: totals.map((c) => cell(c, { bold: true })) })] : []),
    ],
  });
}

const para = (text: string, opts: { italic?: boolean; bold?: boolean } = {}) =>
  new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text, ...opts })] });
const heading = (text: string) =>
  new Paragraph({ text, heading: HeadingLevel.HEADING_2, spacing: { before: 240 } });

/** The plan as a Word document, for the Province to edit into its PIAO. */
export function renderPlanDocx(d: PlanDocument): Promise<Buffer> {
  const doc = new Document({
    creator: 'Officina',
    title: d.title,
    description: d.subtitle,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          ...(d.draftMark
            ? [
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  shading: { type: ShadingType.CLEAR, fill: 'FFF3CD', color: 'auto' },
                  children: [new TextRun({ text: d.draftMark, bold: true, color: '7A4D00' })],
                }),
              ]
            : []),
          new Paragraph({ text: d.title, heading: HeadingLevel.HEADING_1 }),
          para(d.subtitle, { italic: true }),
          ...d.facts.map(
            ([label, value]) =>
              new Paragraph({
                children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)],
              }),
          ),
          heading('Metodo'),
          ...d.method.map((p) => para(p)),
          heading('Priorità dei fabbisogni'),
          d.priorities.rows.length
            ? table(d.priorities.head, d.priorities.rows)
            : para('Nessun fabbisogno da riportare.', { italic: true }),
          heading('Azioni formative programmate'),
          d.lines.rows.length
            ? table(d.lines.head, d.lines.rows, d.lines.totals)
            : para('Nessun percorso nel piano.', { italic: true }),
          heading('Fabbisogni senza un percorso a catalogo'),
          ...(d.unmatched.length
            ? d.unmatched.map((u) => new Paragraph({ text: u, bullet: { level: 0 } }))
            : [para('Nessuno: ogni fabbisogno ha un percorso.', { italic: true })]),
          ...(d.notes ? [heading('Note'), para(d.notes)] : []),
          heading('Approvazione'),
          para(d.approval),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
