import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PageMeta } from '../kernel/module.js';
import type { App } from './types.js';

/** The built web app (vite build) sits in dist/web at the project root. */
export const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

export function hasWebBuild(): boolean {
  return fs.existsSync(path.join(webRoot, 'index.html'));
}

export async function registerWeb(app: App) {
  if (!hasWebBuild()) {
    app.log.warn({ webRoot }, 'web app not built: run npm run build');
    return;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
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

let shell: string | undefined;

/**
 * Client-side routes (/profilo, /formazione/...) get the SPA shell. Public pages that search engines
 * and link previews read get their own <title> and description in the HTML itself.
 */
export async function spaFallback(
  req: FastifyRequest,
  reply: FastifyReply,
  metaFor?: MetaResolver,
): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (req.url.startsWith('/api/') || !hasWebBuild()) return false;
  if (!(req.headers.accept ?? '').includes('text/html')) return false;
  shell ??= fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8');
  const meta = metaFor ? await metaFor(new URL(req.url, 'http://x').pathname).catch(() => null) : null;
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
