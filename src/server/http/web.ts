import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PageMeta } from '../kernel/module.js';
import type { App } from './types.js';

/** The built web app (vite build) sits in dist/web at the project root. */
export const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

export function hasWebBuild(root = webRoot): boolean {
  return fs.existsSync(path.join(root, 'index.html'));
}

export async function registerWeb(app: App, root = webRoot) {
  if (!hasWebBuild(root)) {
    app.log.warn({ webRoot: root }, 'web app not built: run npm run build');
    return;
  }
  // The hashed assets under one route that finds the file when asked (not one route per file, whose
  // thousand entries slowed start-up). The pages, index.html included, are served by spaFallback.
  await app.register(fastifyStatic, {
    root: path.join(root, 'assets'),
    prefix: '/assets/',
    wildcard: true,
    index: false,
    // The build writes name.br and name.gz beside each text asset (scripts/vite-precompress.ts): they are
    // sent as they are to a browser that accepts them, with Vary: Accept-Encoding.
    preCompressed: true,
    // Hashed assets never change.
    setHeaders: (res) => {
      res.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
}

export type MetaResolver = (pathname: string) => Promise<PageMeta | null>;

const escapeHtml = (v: string) =>
  v.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const shells = new Map<string, string>();

/**
 * Whether an address the server has no route for is one of the web app's pages. Everything outside
 * /api is, whatever the Accept header says: a load balancer's probe, curl or a crawler asking for
 * the home page without asking for HTML must get the page a browser gets. A missing file (a name with an
 * extension, such as an old hashed asset) stays a 404 unless a browser navigates to it.
 */
export function isPageRequest(pathname: string, accept: string | undefined): boolean {
  if (pathname === '/api' || pathname.startsWith('/api/')) return false;
  if ((accept ?? '').includes('text/html')) return true;
  // The shell's own name is the home page, for probes that ask for it by name.
  if (pathname === '/index.html') return true;
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  return !/\.[A-Za-z0-9]+$/.test(last);
}

/**
 * Client-side routes (/, /profilo, /formazione/...) get the SPA shell. Public pages that search engines
 * and link previews read get their own <title> and description in the HTML itself.
 */
export async function spaFallback(
  req: FastifyRequest,
  reply: FastifyReply,
  metaFor?: MetaResolver,
  root = webRoot,
): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const pathname = new URL(req.url, 'http://x').pathname;
  if (!isPageRequest(pathname, req.headers.accept) || !hasWebBuild(root)) return false;
  let shell = shells.get(root);
  if (shell === undefined) {
    shell = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
    shells.set(root, shell);
  }
  const meta = metaFor ? await metaFor(pathname).catch(() => null) : null;
  const html = meta
    ? shell
        .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(meta.title)} — Officina</title>`)
        .replace(
          /<meta name="description" content="[^"]*"/,
          `<meta name="description" content="${escapeHtml(meta.description)}"`,
        )
    : shell;
  reply
    .header('cache-control', 'no-cache')
    .header('vary', 'accept-encoding')
    .type('text/html; charset=utf-8');
  const encoding = pickEncoding(req.headers['accept-encoding']);
  if (!encoding) await reply.send(html);
  else await reply.header('content-encoding', encoding).send(compressedShell(html, encoding));
  return true;
}

export type Encoding = 'br' | 'gzip';

/** The best encoding the client accepts among those offered (br, then gzip), or none; `q=0` refuses one. */
export function pickEncoding(
  header: string | string[] | undefined,
  offered: readonly Encoding[] = ['br', 'gzip'],
): Encoding | null {
  const accepted = new Set<string>();
  const refused = new Set<string>();
  for (const part of String(header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    (q && Number(q.slice(2)) === 0 ? refused : accepted).add(name.trim());
  }
  if (offered.includes('br') && accepted.has('br')) return 'br';
  // `*` stands for any coding not named, never for one the client refused by name.
  if (offered.includes('gzip') && (accepted.has('gzip') || (accepted.has('*') && !refused.has('gzip'))))
    return 'gzip';
  return null;
}

/**
 * The shell differs only by the title and description of a public page; each variant is compressed
 * once and kept (a bounded number of them: the oldest goes first).
 */
const compressedShells = new Map<string, Buffer>();
const MAX_COMPRESSED_SHELLS = 500;

function compressedShell(html: string, encoding: Encoding): Buffer {
  const key = `${encoding}:${html}`;
  let body = compressedShells.get(key);
  if (body === undefined) {
    body =
      encoding === 'br'
        ? zlib.brotliCompressSync(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } })
        : zlib.gzipSync(html, { level: 9 });
    if (compressedShells.size >= MAX_COMPRESSED_SHELLS) {
      const oldest = compressedShells.keys().next().value;
      if (oldest !== undefined) compressedShells.delete(oldest);
    }
    compressedShells.set(key, body);
  }
  return body;
}
