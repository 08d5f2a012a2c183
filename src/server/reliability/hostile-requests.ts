import type { RouteSummary } from '../app.js';
import { BOUNDARY, Raw, type Upload, WholeBody } from './hostile-values.js';

/** The query key under which a raw fragment rides; it is written out as it is, without a name. */
export const RAW_QUERY_KEY = '\u0000raw';

/** A request of a route for a case: URL (path and query), and the body as sent with its content type. */
export function requestOf(
  route: RouteSummary,
  input: { params?: unknown; query?: unknown; body?: unknown; file?: unknown },
): { url: string; payload: string | Buffer | undefined; contentType?: string } {
  const params = (input.params ?? {}) as Record<string, unknown>;
  const path = route.url.replace(/:(\w+)|\*/g, (_m, name: string | undefined) => {
    const v = params[name ?? 'wildcard'];
    return v === undefined ? '' : v instanceof Raw ? String(v.text) : encode(textOf(v));
  });
  const query = queryOf(input.query);
  const url = query ? `${path}?${query}` : path;
  if (input.file instanceof WholeBody)
    return { url, payload: input.file.payload, contentType: input.file.contentType };
  if (input.file !== undefined)
    return {
      url,
      payload: multipart(input.file as Upload),
      contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    };
  const body = input.body;
  if (body === undefined) return { url, payload: undefined };
  if (body instanceof Raw) return { url, payload: body.text };
  return { url, payload: JSON.stringify(body) };
}

/** A multipart body: the text fields, then the file (its name as given, or a raw `filename…` parameter). */
function multipart(f: Upload): Buffer {
  const part = (head: string, content: Buffer) =>
    Buffer.concat([Buffer.from(`--${BOUNDARY}\r\n${head}\r\n\r\n`), content, Buffer.from('\r\n')]);
  const name = f.filename instanceof Raw ? String(f.filename.text) : `filename="${f.filename}"`;
  return Buffer.concat([
    ...Object.entries(f.fields ?? {}).map(([k, v]) =>
      part(`Content-Disposition: form-data; name="${k}"`, Buffer.from(v)),
    ),
    part(
      `Content-Disposition: form-data; name="${f.field ?? 'file'}"; ${name}\r\nContent-Type: ${f.type ?? 'text/plain'}`,
      Buffer.from(f.content),
    ),
    Buffer.from(`--${BOUNDARY}--\r\n`),
  ]);
}

function queryOf(q: unknown): string {
  if (q instanceof Raw) return String(q.text);
  if (!q || typeof q !== 'object' || Array.isArray(q)) return `value=${encode(textOf(q))}`;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(q as Record<string, unknown>)) {
    if (v instanceof Raw) parts.push(String(v.text));
    else if (Array.isArray(v)) for (const x of v) parts.push(`${encode(k)}=${encode(textOf(x))}`);
    else if (v !== undefined) parts.push(`${encode(k)}=${encode(textOf(v))}`);
  }
  return parts.join('&');
}

export function textOf(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

/** encodeURIComponent, but a lone surrogate becomes its three-byte form instead of throwing. */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...s]
      .map((ch) => {
        const c = ch.charCodeAt(0);
        if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff) {
          return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
            .map((b) => `%${b.toString(16).toUpperCase()}`)
            .join('');
        }
        return encodeURIComponent(ch);
      })
      .join('');
  }
}
