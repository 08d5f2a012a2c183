import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
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

/** Client-side routes (/profilo, /amministrazione/...) get the SPA shell. */
export function spaFallback(req: FastifyRequest, reply: FastifyReply): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (req.url.startsWith('/api/') || !hasWebBuild()) return false;
  if (!(req.headers.accept ?? '').includes('text/html')) return false;
  reply.header('cache-control', 'no-cache');
  void reply.type('text/html').sendFile('index.html');
  return true;
}
