import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { hoursOf } from '../../../../common/certificates.js';
import { formatRomeDate, romeDate } from '../../../../common/rome-time.js';

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

/** Hours with one decimal and the Italian decimal comma: 750 minutes → "12,5". */
export function italianHours(minutes: number): string {
  return hoursOf(minutes).toFixed(1).replace('.', ',');
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

/**
 * The attestato: an A4 landscape page in Italian with a vector QR code pointing to the public
 * verification page. A revoked certificate is still rendered, for the record, but crossed by
 * "REVOCATO" and the reason, so it cannot pass for a valid one.
 */
export function renderCertificatePdf(c: CertificatePdfData, publicUrl: string): Promise<Buffer> {
  const url = verifyUrl(publicUrl, c.code);
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

  doc
    .lineWidth(2)
    .strokeColor(navy)
    .rect(28, 28, W - 56, H - 56)
    .stroke();
  doc
    .lineWidth(0.5)
    .rect(34, 34, W - 68, H - 68)
    .stroke();

  const centred = (text: string, font: string, size: number, gap = 6, color = '#1a1a1a') =>
    doc
      .font(font)
      .fontSize(size)
      .fillColor(color)
      .text(winAnsi(text), left, undefined, { width, align: 'center' })
      .moveDown(gap / size);

  doc.y = 72;
  centred(c.issuer, 'Helvetica-Bold', 13, 30, navy);
  centred('ATTESTATO DI PARTECIPAZIONE', 'Helvetica-Bold', 28, 36, navy);
  centred('Si attesta che', 'Helvetica', 13, 12);
  centred(c.holderName, 'Helvetica-Bold', 24, 22);
  centred('ha partecipato al percorso formativo', 'Helvetica', 13, 12);
  centred(c.pathTitle, 'Helvetica-Bold', 17, 18);
  const period =
    c.startsOn === c.endsOn
      ? `del ${formatRomeDate(c.startsOn)}`
      : `dal ${formatRomeDate(c.startsOn)} al ${formatRomeDate(c.endsOn)}`;
  centred(`edizione «${c.editionTitle}», ${period},`, 'Helvetica', 13, 4);
  centred(
    `frequentando ${italianHours(c.minutesAttended)} ore e completandolo il ${formatRomeDate(c.completedOn)}.`,
    'Helvetica',
    13,
    4,
  );

  // Verification block: code and instructions on the left, the QR code on the right.
  const qrSize = 96;
  const qrX = W - left - qrSize;
  const qrY = H - 56 - qrSize - 8;
  drawQr(doc, url, qrX, qrY, qrSize);
  const textWidth = qrX - left - 24;
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor('#1a1a1a')
    .text(`Rilasciato il ${formatRomeDate(romeDate(c.issuedAt))}`, left, qrY, { width: textWidth });
  doc.font('Helvetica-Bold').fontSize(12).text(`Codice di verifica: ${c.code}`, { width: textWidth });
  doc
    .moveDown(0.3)
    .font('Helvetica')
    .fontSize(9.5)
    .text(
      winAnsi(
        `Per verificarne l’autenticità inquadra il codice QR oppure visita l’indirizzo ${url}, che indica se l’attestato è valido o revocato.`,
      ),
      { width: textWidth },
    );

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
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / n;
  doc.save().fillColor('#000000');
  for (let row = 0; row < n; row++)
    for (let col = 0; col < n; col++)
      if (qr.modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell, cell);
  doc.fill();
  doc.restore();
}
