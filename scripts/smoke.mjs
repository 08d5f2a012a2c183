// node scripts/smoke.mjs [NODE]: start the built app (scripts/start.mjs, as `npm start` does) with the Node
// binary NODE (default: this one) on a free port of 127.0.0.1 and a fresh embedded database with the demo
// content, then check /api/health, the web page /, the public calendar and a sign-in, and stop it.
// Needs a build (`npm run build`); used by .ci/run to run the app on Node 20, 22 and 24.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from './built.mjs';

const node = process.argv[2] ?? process.execPath;
const started = Date.now();
for (const output of ['dist/server/server.js', 'dist/web/index.html']) {
  if (!existsSync(path.join(root, output))) {
    console.error(`smoke: ${output} is missing; run \`npm run build\` first.`);
    process.exit(1);
  }
}
const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();

const port = await new Promise((resolve, reject) => {
  const server = createServer().on('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'officina-smoke-'));
const env = {
  ...process.env,
  NODE_ENV: 'production',
  PORT: String(port),
  HOST: '127.0.0.1',
  PUBLIC_URL: base,
  DATA_DIR: dataDir,
  SEED_DEMO: 'true',
  LOG_LEVEL: 'warn',
};
for (const name of ['DATABASE_URL', 'SMTP_URL', 'SESSION_SECRET', 'ADMIN_EMAIL', 'ADMIN_PASSWORD'])
  delete env[name];

let log = '';
const child = spawn(node, ['scripts/start.mjs'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
child.stdout.on('data', (chunk) => (log = (log + chunk).slice(-20_000)));
child.stderr.on('data', (chunk) => (log = (log + chunk).slice(-20_000)));
const exited = new Promise((resolve) => child.once('exit', resolve));

async function check(what, url, init, test) {
  const res = await fetch(`${base}${url}`, init);
  const body = await res.text();
  let ok = false;
  try {
    ok = test(res, body);
  } catch {
    // an answer that is not the JSON expected
  }
  if (!ok) throw new Error(`${what}: ${res.status} ${body.slice(0, 300)}`);
  console.log(`smoke: ${what} ok (${res.status})`);
  return res;
}

async function run() {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('the server did not answer /api/health within 120 s');
    const res = await fetch(`${base}/api/health`).catch(() => null);
    if (res?.ok) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await check(
    'GET /api/health',
    '/api/health',
    {},
    (res, body) => res.ok && JSON.parse(body).status === 'ok',
  );
  const html = { headers: { accept: 'text/html' } };
  await check('GET / (web app)', '/', html, (res, body) => res.ok && body.includes('<div id="root">'));
  await check('GET /api/v1/public/calendar', '/api/v1/public/calendar', {}, (res, body) => {
    return res.ok && Array.isArray(JSON.parse(body).items);
  });
  const login = await check(
    'POST /api/v1/auth/login',
    '/api/v1/auth/login',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@officina.demo', password: 'Officina-Demo-2026' }),
    },
    (res) => res.ok && res.headers.getSetCookie().some((cookie) => cookie.startsWith('officina_session=')),
  );
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  await check(
    'GET /api/v1/me with the session cookie',
    '/api/v1/me',
    { headers: { cookie } },
    (res, body) => {
      return res.ok && body.includes('admin@officina.demo');
    },
  );
}

let failure;
try {
  await run();
} catch (err) {
  failure = err;
}
if (child.exitCode === null) {
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
rmSync(dataDir, { recursive: true, force: true });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failure) {
  console.error(`smoke on Node ${version} FAILED: ${failure.message}\n--- server output ---\n${log}`);
  process.exit(1);
}
if (/"level":(50|60)/.test(log)) console.error(`smoke: the server logged errors:\n${log}`);
console.log(`smoke on Node ${version}: health, web page, calendar and sign-in answered (${seconds} s)`);
