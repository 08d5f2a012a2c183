import { pdfDocument } from '../../../kernel/lazy.js';
import type { PlanDocument } from './export-content.js';

const MARGIN = 40;
const GREY = '#5c6f82';

/** The plan as a PDF: A4 landscape (the lines table is wide), Italian, page numbers at the foot. */
export async function renderPlanPdf(d: PlanDocument): Promise<Buffer> {
  const PDFDocument = await pdfDocument();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: 'it-IT',
    info: { Title: d.title, Subject: d.subtitle, Creator: 'Officina' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  if (d.draftMark) {
    doc.rect(MARGIN, MARGIN, width, 22).fill('#fff3cd');
    doc
      .fillColor('#7a4d00')
      .font('Helvetica-Bold')
      .fontSize(11)
      .text(d.draftMark, MARGIN + 8, MARGIN + 6, {
        width: width - 16,
      });
    doc.moveDown(0.8);
  }
  doc.fillColor('#000000').font('Helvetica-Bold').fontSize(17).text(d.title, MARGIN, doc.y, { width });
  doc.font('Helvetica').fontSize(9).fillColor(GREY).text(d.subtitle, { width });
  doc.moveDown(0.6).fillColor('#000000');
  for (const [label, value] of d.facts) {
    doc.font('Helvetica-Bold').fontSize(10).text(`${label}: `, { continued: true });
    doc.font('Helvetica').text(value);
  }

  const heading = (text: string) => {
    if (doc.y + 60 > bottom()) doc.addPage();
    doc
      .moveDown(0.8)
      .font('Helvetica-Bold')
      .fontSize(13)
      .fillColor('#000000')
      .text(text, MARGIN, doc.y, { width });
    doc.moveDown(0.3);
  };

  /** A table with a header row repeated on each page; widths as fractions of the page. */
  const table = (head: string[], rows: string[][], fractions: number[], bold?: string[]) => {
    const widths = fractions.map((f) => f * width);
    const rowHeight = (cells: string[], font: string) => {
      doc.font(font).fontSize(9);
      return (
        Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: (widths[i] ?? 40) - 8 }))) + 8
      );
    };
    const draw = (cells: string[], y: number, font: string, fill?: string) => {
      const h = rowHeight(cells, font);
      let x = MARGIN;
      cells.forEach((c, i) => {
        const w = widths[i] ?? 40;
        if (fill) doc.rect(x, y, w, h).fillAndStroke(fill, GREY);
        else doc.rect(x, y, w, h).stroke(GREY);
        doc
          .fillColor('#000000')
          .font(font)
          .fontSize(9)
          .text(c, x + 4, y + 4, { width: w - 8 });
        x += w;
      });
      return y + h;
    };
    doc.lineWidth(0.5);
    let y = draw(head, doc.y, 'Helvetica-Bold', '#e6e9f2');
    for (const r of [...rows, ...(bold ? [bold] : [])]) {
      const font = r === bold ? 'Helvetica-Bold' : 'Helvetica';
      if (y + rowHeight(r, font) > bottom()) {
        doc.addPage();
        y = draw(head, MARGIN, 'Helvetica-Bold', '#e6e9f2');
      }
      y = draw(r, y, font);
    }
    doc.x = MARGIN;
    doc.y = y + 4;
  };

  heading('Metodo');
  for (const p of d.method)
    doc.font('Helvetica').fontSize(10).text(p, MARGIN, doc.y, { width }).moveDown(0.3);

  heading('Priorità dei fabbisogni');
  if (d.priorities.rows.length) table(d.priorities.head, d.priorities.rows, [0.15, 0.65, 0.2]);
  else doc.font('Helvetica-Oblique').fontSize(10).text('Nessun fabbisogno da riportare.', MARGIN, doc.y);

  heading('Azioni formative programmate');
  if (d.lines.rows.length)
    table(d.lines.head, d.lines.rows, [0.04, 0.28, 0.14, 0.09, 0.1, 0.09, 0.12, 0.14], d.lines.totals);
  else doc.font('Helvetica-Oblique').fontSize(10).text('Nessun percorso nel piano.', MARGIN, doc.y);

  heading('Fabbisogni senza un percorso a catalogo');
  if (d.unmatched.length)
    for (const u of d.unmatched) doc.font('Helvetica').fontSize(10).text(`• ${u}`, MARGIN, doc.y, { width });
  else
    doc
      .font('Helvetica-Oblique')
      .fontSize(10)
      .text('Nessuno: ogni fabbisogno ha un percorso.', MARGIN, doc.y);

  if (d.notes) {
    heading('Note');
    doc.font('Helvetica').fontSize(10).text(d.notes, MARGIN, doc.y, { width });
  }
  heading('Approvazione');
  doc.font('Helvetica').fontSize(10).text(d.approval, MARGIN, doc.y, { width });

  // Page numbers go in the bottom margin, which pdfkit would otherwise treat as overflow.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(GREY)
      .text(
        `${d.draftMark ? 'BOZZA – ' : ''}${d.title} – Pagina ${i + 1 - range.start} di ${range.count}`,
        MARGIN,
        doc.page.height - MARGIN,
        { width, align: 'right', lineBreak: false },
      );
    doc.page.margins.bottom = keep;
  }
  doc.end();
  return done;
}
