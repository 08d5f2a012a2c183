import { inflateSync } from 'node:zlib';

/**
 * The text a pdfkit PDF shows, one line per text operator. Each content stream is cut by the
 * `/Length` its dictionary declares (deflated bytes may hold anything, "endstream" included), then
 * inflated; strings are hex in WinAnsi (windows-1252).
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const m of raw.matchAll(/<<((?:(?!>>)[\s\S])*?)\/Length (\d+)([\s\S]*?)>>\s*stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const body = pdf.subarray(start, start + Number(m[2]));
    const dictionary = `${m[1]}${m[3]}`;
    let content: string;
    try {
      content = (dictionary.includes('/FlateDecode') ? inflateSync(body) : body).toString('latin1');
    } catch {
      continue;
    }
    for (const op of content.matchAll(/\[((?:[^\]\\]|\\.)*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hex =
        op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('') : op[2];
      lines.push(winAnsi(Buffer.from(hex ?? '', 'hex')));
    }
  }
  return lines.join('\n');
}

/** WinAnsi differs from Latin-1 only in 0x80–0x9f (Node's TextDecoder reads "windows-1252" as Latin-1). */
const winAnsiHigh = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

function winAnsi(bytes: Buffer): string {
  let out = '';
  for (const b of bytes)
    out += b >= 0x80 && b <= 0x9f ? (winAnsiHigh[b - 0x80] as string) : String.fromCharCode(b);
  return out;
}
