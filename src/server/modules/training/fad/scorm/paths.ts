import path from 'node:path/posix';
import type { Bilingual } from '../../../../kernel/errors.js';

/**
 * Paths inside a SCORM package. An entry of the zip becomes an address under the content origin, so it
 * must stay inside the package: relative, without `..`, backslashes, NUL or control characters, drive
 * letters or empty segments (zip-slip). Pure functions.
 */

export const MAX_PATH_CHARS = 1000;

/** Why an entry's name is refused, or null when it is a clean relative path. */
export function entryPathProblem(name: string): Bilingual | null {
  const bad = (why: Bilingual) => ({
    it: `percorso non ammesso «${printable(name)}»: ${why.it}`,
    en: `path not allowed "${printable(name)}": ${why.en}`,
  });
  if (name.length === 0) return bad({ it: 'vuoto', en: 'empty' });
  if (name.length > MAX_PATH_CHARS) return bad({ it: 'troppo lungo', en: 'too long' });
  if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    return bad({ it: 'caratteri di controllo', en: 'control characters' });
  if (name.includes('\\')) return bad({ it: 'barra rovesciata', en: 'backslash' });
  if (name.startsWith('/')) return bad({ it: 'percorso assoluto', en: 'absolute path' });
  if (/^[a-zA-Z]:/.test(name)) return bad({ it: 'lettera di unità', en: 'drive letter' });
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '..')) return bad({ it: 'risale con «..»', en: 'climbs with ".."' });
  if (segments.some((s) => s === '' || s === '.'))
    return bad({ it: 'segmento vuoto o «.»', en: 'empty or "." segment' });
  return null;
}

/** Whether a zip entry is a folder (nothing to store). */
export const isFolder = (name: string) => name.endsWith('/');

/**
 * The file an address inside the package points to: the path of a launch href or of a request for the
 * content, without its query or fragment, percent-decoded and normalised; null when it would leave the
 * package or is not a clean path.
 */
export function packagePath(href: string): string | null {
  const bare = href.split(/[?#]/, 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    return null;
  }
  if (entryPathProblem(decoded) !== null) {
    // A `./` prefix or an inner `a/../b` that stays inside is fine once normalised.
    const normal = path.normalize(decoded);
    if (normal.startsWith('../') || normal === '..' || entryPathProblem(normal) !== null) return null;
    return normal;
  }
  return decoded;
}

/** The part of an address after its path: `?query` and/or `#fragment`, or ''. */
export function hrefSuffix(href: string): string {
  const i = href.search(/[?#]/);
  return i < 0 ? '' : href.slice(i);
}

/** The name as a message may show it: control characters written as escapes. */
const printable = (s: string) =>
  [...s.slice(0, 120)]
    .map((c) => {
      const code = c.charCodeAt(0);
      return code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : c;
    })
    .join('');

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  xhtml: 'application/xhtml+xml',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  xml: 'application/xml',
  xsd: 'application/xml',
  dtd: 'application/xml-dtd',
  txt: 'text/plain; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/x-icon',
  bmp: 'image/bmp',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  m4a: 'audio/mp4',
  mp4: 'video/mp4',
  webm: 'video/webm',
  vtt: 'text/vtt; charset=utf-8',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
  eot: 'application/vnd.ms-fontobject',
  pdf: 'application/pdf',
  swf: 'application/octet-stream',
};

/** The Content-Type a file is served with, from its extension (unknown: a download, never sniffed). */
export function contentTypeOf(file: string): string {
  const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  return TYPES[ext] ?? 'application/octet-stream';
}
