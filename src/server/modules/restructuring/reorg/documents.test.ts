import { describe, expect, it } from 'vitest';
import { attachment, documentType, sniff } from './documents.js';

const zip = (...names: string[]) =>
  Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04]),
    Buffer.alloc(26),
    ...names.map((n) => Buffer.from(n)),
  ]);
const odf = (type: string) =>
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(`mimetype${type}`)]);
// SEQUENCE, then the OID of CMS SignedData, as a CAdES envelope starts.
const p7m = Buffer.from([
  0x30, 0x80, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02, 0xa0, 0x80,
]);

describe('what a plan document is, by its bytes', () => {
  it('recognises the accepted types', () => {
    expect(sniff(Buffer.from('%PDF-1.7\n'))?.mediaType).toBe('application/pdf');
    expect(sniff(p7m)?.mediaType).toBe('application/pkcs7-mime');
    expect(sniff(zip('[Content_Types].xml', 'word/document.xml'))?.ext).toEqual(['docx']);
    expect(sniff(zip('[Content_Types].xml', 'xl/workbook.xml'))?.ext).toEqual(['xlsx']);
    expect(sniff(odf('application/vnd.oasis.opendocument.text'))?.ext).toEqual(['odt']);
    expect(sniff(odf('application/vnd.oasis.opendocument.spreadsheet'))?.ext).toEqual(['ods']);
  });

  it('refuses anything else, and a name that does not match the bytes', () => {
    expect(sniff(Buffer.from('<html></html>'))).toBeNull();
    expect(sniff(zip('random.txt'))).toBeNull();
    expect(sniff(odf('application/vnd.oasis.opendocument.presentation'))).toBeNull();
    expect(sniff(Buffer.from([0x30, 0x82, 0x01, 0x00]))).toBeNull();
    expect(documentType(Buffer.from('%PDF-1.4'), 'atto.PDF')?.mediaType).toBe('application/pdf');
    expect(documentType(Buffer.from('%PDF-1.4'), 'atto.docx')).toBeNull();
    expect(documentType(Buffer.from('%PDF-1.4'), 'atto')).toBeNull();
    expect(documentType(Buffer.from('MZ'), 'atto.pdf')).toBeNull();
    expect(documentType(p7m, 'atto.pdf.p7m')?.ext).toEqual(['p7m']);
  });

  it('names the download safely, keeping the original in UTF-8', () => {
    expect(attachment('Decreto n. 45.pdf')).toBe(
      `attachment; filename="Decreto n. 45.pdf"; filename*=UTF-8''Decreto%20n.%2045.pdf`,
    );
    expect(attachment('Città "nuova";.pdf')).toBe(
      `attachment; filename="Citta _nuova__.pdf"; filename*=UTF-8''Citt%C3%A0%20%22nuova%22%3B.pdf`,
    );
  });
});
