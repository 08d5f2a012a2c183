import type { QRCode } from 'qrcode';
import { formatRomeDate, romeDate } from '../../../../common/rome-time.js';
import type { CertificateLayout } from '../../../config.js';
import { pdfDocument, qrCode } from '../../../kernel/lazy.js';

/** The characters Windows-1252 (WinAnsi) adds in 0x80–0x9F: the rest is Latin-1. */
const CP1252_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/**
 * Text the standard PDF fonts can show: they only carry WinAnsi glyphs. Accented Latin letters
 * outside it (ł, ő, ș…) lose their accent; anything else becomes "?" rather than a wrong glyph.
 */
export function winAnsi(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) as number;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.includes(ch)) {
      out += ch;
      continue;
    }
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += base && [...base].every((c) => (c.codePointAt(0) as number) <= 0xff) ? base : '?';
  }
  return out;
}

/** Time attended in words, as a document says it: 240 → "4 ore", 270 → "4 ore e 30 minuti", 61 → "1 ora e 1 minuto". */
export function hoursInWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes - h * 60);
  const hours = h === 1 ? '1 ora' : `${h} ore`;
  const mins = m === 1 ? '1 minuto' : `${m} minuti`;
  if (h === 0) return mins;
  return m === 0 ? hours : `${hours} e ${mins}`;
}

/**
 * The edition as the sentence names it. Editions are often titled "Edizione 1": that title is used as it
 * is, not quoted after the word "edizione" a second time.
 */
export function editionWords(title: string): string {
  const t = title.trim();
  return /^edizione\b/i.test(t) ? t : `edizione «${t}»`;
}

export type CertificatePdfData = {
  code: string;
  issuer: string;
  holderName: string;
  pathTitle: string;
  editionTitle: string;
  startsOn: string;
  endsOn: string;
  completedOn: string;
  minutesAttended: number;
  issuedAt: Date;
  revokedAt: Date | null;
  revokeReason: string | null;
};

/** The verification address as printed on the certificate and encoded in its QR code. */
export const verifyUrl = (publicUrl: string, code: string) => `${publicUrl}/verifica/${code}`;

const NO_LAYOUT: CertificateLayout = {
  logo: undefined,
  signatoryName: undefined,
  signatoryRole: undefined,
  place: undefined,
};

/**
 * The attestato: an A4 landscape page in Italian, laid out as an office files it. At the top the issuing
 * body (its logo when configured); then the statement; at the bottom the place and date of issue, the
 * verification code and address with a vector QR code, and the signatory's role and name when configured.
 * A revoked certificate is still rendered, for the record, but crossed by "REVOCATO" and the reason, so
 * it cannot pass for a valid one.
 */
export async function renderCertificatePdf(
  c: CertificatePdfData,
  publicUrl: string,
  layout: CertificateLayout = NO_LAYOUT,
): Promise<Buffer> {
  const url = verifyUrl(publicUrl, c.code);
  const [PDFDocument, QRCode] = await Promise.all([pdfDocument(), qrCode()]);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 56,
    info: {
      Title: winAnsi(`Attestato di partecipazione — ${c.holderName}`),
      Author: winAnsi(c.issuer),
      Subject: winAnsi(c.pathTitle),
      Keywords: c.code,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const W = doc.page.width;
  const H = doc.page.height;
  const left = 56;
  const width = W - 2 * left;
  const navy = '#06357a';
  const ink = '#1a1a1a';

  doc
    .lineWidth(2)
    .strokeColor(navy)
    .rect(28, 28, W - 56, H - 56)
    .stroke();
  doc
    .lineWidth(0.5)
    .rect(34, 34, W - 68, H - 68)
    .stroke();

  const centred = (text: string, font: string, size: number, gap = 6, color = ink) =>
    doc
      .font(font)
      .fontSize(size)
      .fillColor(color)
      .text(winAnsi(text), left, undefined, { width, align: 'center' })
      .moveDown(gap / size);

  // The issuing body: its logo, its name, a rule under them.
  doc.y = 50;
  if (layout.logo) {
    const logoHeight = 52;
    doc.image(layout.logo.data, left, doc.y, { fit: [width, logoHeight], align: 'center', valign: 'center' });
    doc.y += logoHeight + 6;
  }
  centred(c.issuer, 'Helvetica-Bold', 13, 8, navy);
  doc
    .lineWidth(0.75)
    .strokeColor(navy)
    .moveTo(W / 2 - 120, doc.y)
    .lineTo(W / 2 + 120, doc.y)
    .stroke();
  doc.y += layout.logo ? 16 : 26;

  centred('ATTESTATO DI PARTECIPAZIONE', 'Helvetica-Bold', 26, 26, navy);
  centred('Si attesta che', 'Helvetica', 13, 10);
  centred(c.holderName, 'Helvetica-Bold', 22, 18);
  centred('ha partecipato al percorso formativo', 'Helvetica', 13, 10);
  centred(c.pathTitle, 'Helvetica-Bold', 16, 14);
  const period =
    c.startsOn === c.endsOn
      ? `il ${formatRomeDate(c.startsOn)}`
      : `dal ${formatRomeDate(c.startsOn)} al ${formatRomeDate(c.endsOn)}`;
  centred(`${editionWords(c.editionTitle)}, svolta ${period},`, 'Helvetica', 13, 4);
  centred(
    `frequentando ${hoursInWords(c.minutesAttended)} e completandolo il ${formatRomeDate(c.completedOn)}.`,
    'Helvetica',
    13,
    4,
  );

  // The foot: place, date and verification on the left, the signatory in the middle, the QR code on the right.
  const qrSize = 88;
  const footY = H - 52 - qrSize;
  const qrX = W - left - qrSize;
  drawQr(doc, QRCode.create(url, { errorCorrectionLevel: 'M' }), qrX, footY, qrSize);
  const signWidth = 230;
  const signX = qrX - 24 - signWidth;
  const textWidth = signX - left - 24;
  const issuedOn = formatRomeDate(romeDate(c.issuedAt));
  doc
    .font('Helvetica')
    .fontSize(10.5)
    .fillColor(ink)
    .text(winAnsi(layout.place ? `${layout.place}, ${issuedOn}` : `Rilasciato il ${issuedOn}`), left, footY, {
      width: textWidth,
    });
  doc
    .moveDown(0.4)
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(`Codice di verifica: ${c.code}`, { width: textWidth });
  doc
    .moveDown(0.3)
    .font('Helvetica')
    .fontSize(9.5)
    .text(winAnsi('Per verificarne l’autenticità visita l’indirizzo'), { width: textWidth });
  doc.font('Helvetica-Bold').fontSize(10.5).fillColor(navy).text(url, { width: textWidth });
  doc
    .font('Helvetica')
    .fontSize(9.5)
    .fillColor(ink)
    .text(winAnsi('o inquadra il codice QR: indica se l’attestato è valido o revocato.'), {
      width: textWidth,
    });

  if (layout.signatoryName || layout.signatoryRole) {
    doc.y = footY + 6;
    if (layout.signatoryRole)
      doc
        .font('Helvetica')
        .fontSize(10.5)
        .fillColor(ink)
        .text(winAnsi(layout.signatoryRole), signX, doc.y, { width: signWidth, align: 'center' });
    if (layout.signatoryName)
      doc
        .moveDown(0.3)
        .font('Helvetica-Bold')
        .fontSize(11.5)
        .fillColor(ink)
        .text(winAnsi(layout.signatoryName), signX, doc.y, { width: signWidth, align: 'center' });
  }

  if (c.revokedAt) {
    doc.save();
    doc.rotate(-24, { origin: [W / 2, H / 2] });
    doc
      .font('Helvetica-Bold')
      .fontSize(110)
      .fillColor('#b00020', 0.28)
      .text('REVOCATO', 0, H / 2 - 60, { width: W, align: 'center' });
    doc.restore();
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .fillColor('#b00020', 1)
      .text(
        winAnsi(
          `REVOCATO il ${formatRomeDate(romeDate(c.revokedAt))}${c.revokeReason ? `: ${c.revokeReason}` : ''}. Questo attestato non è più valido.`,
        ),
        left,
        40,
        { width, align: 'center' },
      );
  }

  doc.end();
  return done;
}

/** The QR code as filled squares: sharp at any zoom, and no image to embed. */
function drawQr(doc: PDFKit.PDFDocument, qr: QRCode, x: number, y: number, size: number) {
  const n = qr.modules.size;
  const cell = size / n;
  doc.save().fillColor('#000000');
  for (let row = 0; row < n; row++)
    for (let col = 0; col < n; col++)
      if (qr.modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell, cell);
  doc.fill();
  doc.restore();
}
