import { ROME } from '../../../../common/rome-time.js';
import { pdfDocument } from '../../../kernel/lazy.js';
import { romeClock } from './messages.js';

export type SignInSheet = {
  pathTitle: string;
  editionTitle: string;
  sessionTitle: string;
  startsAt: Date;
  endsAt: Date;
  online: boolean;
  venueName: string | null;
  venueAddress: string | null;
  room: string | null;
  trainers: string[];
  /** Already in the order to print. */
  people: { name: string; unitName: string | null }[];
};

const MARGIN = 40;
const ROW = 32; // tall enough to sign by hand
const HEAD = 22;
const COLUMNS = [
  { title: 'N.', width: 30 },
  { title: 'Nome e cognome', width: 170 },
  { title: 'Provincia', width: 105 },
  { title: 'Firma ingresso', width: 105 },
  { title: 'Firma uscita', width: 105 },
];

const longDay = new Intl.DateTimeFormat('it-IT', {
  timeZone: ROME,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** The paper register of a session: A4, Italian, one row per enrollee to sign on arrival and on leaving. */
export async function renderSignInSheet(sheet: SignInSheet): Promise<Buffer> {
  const PDFDocument = await pdfDocument();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: 'it-IT',
    info: { Title: `Foglio firme – ${sheet.sessionTitle}`, Subject: sheet.pathTitle, Creator: 'Officina' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  doc.font('Helvetica-Bold').fontSize(18).text('Foglio firme', MARGIN, MARGIN);
  doc.moveDown(0.5);
  const field = (label: string, value: string) => {
    doc.font('Helvetica-Bold').fontSize(10).text(`${label}: `, { continued: true });
    doc.font('Helvetica').text(value);
  };
  field('Percorso', sheet.pathTitle);
  field('Edizione', sheet.editionTitle);
  field('Sessione', sheet.sessionTitle);
  field(
    'Data e orario',
    `${longDay.format(sheet.startsAt)}, ${romeClock(sheet.startsAt)}–${romeClock(sheet.endsAt)} (ora italiana)`,
  );
  const venue = sheet.online
    ? 'Online'
    : [sheet.venueName, sheet.venueAddress].filter(Boolean).join(', ') || 'Da definire';
  field('Sede', sheet.room ? `${venue} – ${sheet.room}` : venue);
  field(sheet.trainers.length > 1 ? 'Formatori' : 'Formatore', sheet.trainers.join(', ') || '—');
  doc.moveDown(1);

  const headerRow = (y: number) => {
    doc.rect(MARGIN, y, width, HEAD).fillAndStroke('#e6e9f2', '#5c6f82');
    doc.fillColor('#000000').font('Helvetica-Bold').fontSize(9);
    let x = MARGIN;
    for (const c of COLUMNS) {
      doc.text(c.title, x + 4, y + 7, { width: c.width - 8, lineBreak: false });
      x += c.width;
    }
    return y + HEAD;
  };

  let y = headerRow(doc.y);
  doc.lineWidth(0.5);
  sheet.people.forEach((p, i) => {
    if (y + ROW > bottom()) {
      doc.addPage();
      doc.font('Helvetica').fontSize(9).fillColor('#000000');
      doc.text(`Foglio firme – ${sheet.sessionTitle} (segue)`, MARGIN, MARGIN, { width });
      y = headerRow(MARGIN + 18);
    }
    let x = MARGIN;
    const cells = [String(i + 1), p.name, p.unitName ?? '', '', ''];
    doc.font('Helvetica').fontSize(10).fillColor('#000000');
    COLUMNS.forEach((c, k) => {
      doc.rect(x, y, c.width, ROW).stroke('#5c6f82');
      doc.fillColor('#000000').text(cells[k] ?? '', x + 4, y + 6, {
        width: c.width - 8,
        height: ROW - 8,
        ellipsis: true,
      });
      x += c.width;
    });
    y += ROW;
  });
  if (!sheet.people.length)
    doc
      .font('Helvetica-Oblique')
      .fontSize(10)
      .text('Nessun iscritto confermato.', MARGIN, y + 8);

  if (y + 60 > bottom()) {
    doc.addPage();
    y = MARGIN;
  }
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor('#000000')
    .text('Firma del formatore: ______________________________', MARGIN, y + 36);

  // Page numbers go in the bottom margin, which pdfkit would otherwise treat as overflow.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#5c6f82')
      .text(`Pagina ${i + 1 - range.start} di ${range.count}`, MARGIN, doc.page.height - MARGIN, {
        width,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = keep;
  }
  doc.end();
  return done;
}
