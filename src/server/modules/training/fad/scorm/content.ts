import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type App, typed } from '../../../../http/types.js';
import { errors } from '../../../../kernel/errors.js';
import * as m from '../messages.js';
import { PLAYER } from '../scorm-service.js';
import type { FadService } from '../service.js';
import { packagePath } from './paths.js';

/**
 * The content origin of SCORM packages (SCORM_CONTENT_URL): `/scorm-content/<token>/<file>` serves a
 * package's files, the player page that hosts the SCORM API, and scorm-again. Only requests whose Host
 * is the content origin's are answered (404 otherwise), so the app's own origin never serves a
 * package's scripts, and the content origin gets no session cookie (the app's cookies are host-only):
 * what a package runs cannot call the API as the learner.
 */

export const CONTENT_PREFIX = '/scorm-content';
const RUNTIME = '__officina/scorm-again.min.js';
const PLAYER_SCRIPT = '__officina/player.js';

const params = z.object({ token: z.string().min(1).max(200), '*': z.string().max(2000) });

let runtime: Buffer | undefined;
function runtimeScript() {
  if (!runtime) {
    const main = createRequire(import.meta.url).resolve('scorm-again');
    runtime = fs.readFileSync(path.join(path.dirname(main), 'scorm-again.min.js'));
  }
  return runtime;
}

/** What the content origin's answers carry: the type from the extension, never sniffed; no caching by others. */
function contentHeaders(
  reply: FastifyReply,
  appOrigin: string,
  contentType: string,
  framedBy: 'app' | 'app-and-self',
) {
  const ancestors = framedBy === 'app' ? appOrigin : `${appOrigin} 'self'`;
  reply
    .removeHeader('x-frame-options')
    .removeHeader('set-cookie')
    .header('content-type', contentType)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=300')
    .header('referrer-policy', 'no-referrer')
    .header('cross-origin-resource-policy', 'same-site')
    .header(
      'content-security-policy',
      [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "media-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        `frame-ancestors ${ancestors}`,
      ].join('; '),
    );
}

const escapeAttr = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function playerPage(version: string, appOrigin: string, launch: string) {
  return `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<title>SCORM</title>
<style>html,body{margin:0;height:100%;overflow:hidden}iframe{border:0;width:100%;height:100%;display:block}</style>
<script src="${RUNTIME.split('/')[1]}"></script>
<script src="${PLAYER_SCRIPT.split('/')[1]}" data-app-origin="${escapeAttr(appOrigin)}" data-version="${escapeAttr(version)}" data-launch="${escapeAttr(launch)}"></script>
</head>
<body><iframe id="sco" title="Contenuto del modulo / Module content"></iframe></body>
</html>`;
}

/**
 * The player's script: creates the SCORM API with scorm-again once the app page sends the saved CMI
 * (a message from the app's origin and from the parent window only), opens the SCO, and posts the CMI
 * to the app page at each commit and at the end, with a growing sequence number.
 */
const PLAYER_JS = `(function () {
  'use strict';
  var me = document.currentScript;
  var appOrigin = me.dataset.appOrigin;
  var version = me.dataset.version;
  var launch = '../' + me.dataset.launch;
  var api = null;
  var seq = 0;
  function send(reason) {
    if (!api) return;
    seq += 1;
    var cmi = api.renderCMIToJSONObject().cmi || {};
    window.parent.postMessage({ type: 'scorm:commit', seq: seq, reason: reason, cmi: cmi }, appOrigin);
  }
  window.addEventListener('message', function (e) {
    if (e.origin !== appOrigin || e.source !== window.parent) return;
    var d = e.data;
    if (!d || d.type !== 'scorm:init' || api) return;
    seq = Number(d.seq) || 0;
    var settings = { autocommit: false, lmsCommitUrl: false, logLevel: 5, sendFullCommit: true };
    if (version === '2004') {
      api = new window.Scorm2004API(settings);
      if (d.cmi && Object.keys(d.cmi).length) api.loadFromJSON(d.cmi, '');
      api.on('Commit', function () { send('commit'); });
      api.on('Terminate', function () { send('terminate'); });
      window.API_1484_11 = api;
    } else {
      api = new window.Scorm12API(settings);
      if (d.cmi && Object.keys(d.cmi).length) api.loadFromJSON(d.cmi, '');
      api.on('LMSCommit', function () { send('commit'); });
      api.on('LMSFinish', function () { send('finish'); });
      window.API = api;
    }
    document.getElementById('sco').src = launch;
  });
  window.addEventListener('pagehide', function () { send('pagehide'); });
  window.parent.postMessage({ type: 'scorm:ready' }, appOrigin);
})();
`;

export function scormContentRoutes(
  app: App,
  fad: FadService,
  origins: { appOrigin: string; contentOrigin: string | undefined },
) {
  const r = typed(app);
  const contentHost = origins.contentOrigin ? new URL(origins.contentOrigin).host : null;

  const notHere = () => errors.notFound(m.PACKAGE);

  r.get(
    `${CONTENT_PREFIX}/:token/*`,
    {
      config: { public: true },
      schema: {
        hide: true,
        params,
      },
    },
    async (req: FastifyRequest<{ Params: z.infer<typeof params> }>, reply) => {
      // Only on the content origin: the app's own host never serves a package.
      if (!contentHost || req.host !== contentHost) throw notHere();
      const grant = await fad.contentGrant(req.params.token);
      if (!grant) throw notHere();
      // The address as sent (still percent-encoded), so that it is decoded once, by packagePath.
      const after = req.url.slice(CONTENT_PREFIX.length + 1);
      const file = after.slice(after.indexOf('/') + 1).split('?', 1)[0] ?? '';
      if (file === PLAYER) {
        contentHeaders(reply, origins.appOrigin, 'text/html; charset=utf-8', 'app');
        return reply.send(playerPage(grant.pkg.version, origins.appOrigin, grant.pkg.launchHref));
      }
      if (file === RUNTIME) {
        contentHeaders(reply, origins.appOrigin, 'text/javascript; charset=utf-8', 'app');
        return reply.send(runtimeScript());
      }
      if (file === PLAYER_SCRIPT) {
        contentHeaders(reply, origins.appOrigin, 'text/javascript; charset=utf-8', 'app');
        return reply.send(PLAYER_JS);
      }
      const inside = packagePath(file);
      const found = inside ? await fad.contentFile(grant.packageId, inside) : undefined;
      if (!found) throw notHere();
      contentHeaders(reply, origins.appOrigin, found.contentType, 'app-and-self');
      reply.header('etag', `"${found.sha256}"`);
      return reply.send(found.bytes);
    },
  );
}
