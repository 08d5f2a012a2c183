/**
 * The types a plan's documents may have, recognised by their content (magic bytes), never by the
 * name or the declared media type alone: the extension must agree with what the bytes are.
 */
export type DocumentType = { ext: readonly string[]; mediaType: string };

const TYPES = {
  pdf: { ext: ['pdf'], mediaType: 'application/pdf' },
  p7m: { ext: ['p7m'], mediaType: 'application/pkcs7-mime' },
  docx: {
    ext: ['docx'],
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  xlsx: { ext: ['xlsx'], mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  odt: { ext: ['odt'], mediaType: 'application/vnd.oasis.opendocument.text' },
  ods: { ext: ['ods'], mediaType: 'application/vnd.oasis.opendocument.spreadsheet' },
} as const satisfies Record<string, DocumentType>;

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// The OID of CMS SignedData (1.2.840.113549.1.7.2), DER-encoded: what a CAdES .p7m wraps the file in.
const SIGNED_DATA = Buffer.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]);

/** What the bytes are, among the accepted types; null for anything else. */
export function sniff(buf: Buffer): DocumentType | null {
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return TYPES.pdf;
  if (buf[0] === 0x30 && buf.subarray(0, 64).includes(SIGNED_DATA)) return TYPES.p7m;
  if (buf.subarray(0, 4).equals(ZIP)) {
    // OpenDocument: the first entry is "mimetype", stored uncompressed, naming the type.
    if (buf.subarray(30, 38).toString('latin1') === 'mimetype') {
      const head = buf.subarray(38, 38 + 60).toString('latin1');
      if (head.startsWith(TYPES.odt.mediaType)) return TYPES.odt;
      if (head.startsWith(TYPES.ods.mediaType)) return TYPES.ods;
      return null;
    }
    // Office Open XML: entry names sit uncompressed in the local headers.
    if (buf.includes('[Content_Types].xml')) {
      if (buf.includes('word/document.xml')) return TYPES.docx;
      if (buf.includes('xl/workbook.xml')) return TYPES.xlsx;
    }
  }
  return null;
}

/** The accepted type of the file if its bytes and its extension agree; null otherwise. */
export function documentType(buf: Buffer, fileName: string): DocumentType | null {
  const type = sniff(buf);
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return type && (type.ext as readonly string[]).includes(ext) ? type : null;
}

/** A file name fit for Content-Disposition: an ASCII fallback and the UTF-8 original (RFC 6266). */
export function attachment(fileName: string): string {
  const ascii =
    fileName
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\;]/g, '_') || 'documento';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
