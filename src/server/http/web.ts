import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    // Hashed assets never change; the HTML shell must always be revalidated.
    setHeaders: (res, file) => {
      res.header(
        'cache-control',
        file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
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
  await reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  return true;
}
