import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy within ${timeoutMs} ms\n${log()}`);
}

/**
 * Builds the app (server and web) unless E2E_BUILD=0 and a build exists, starts `node dist/server/server.js`
 * on a free port with a fresh data directory and the demo seed, and hands its URL to the specs.
 */
export default async function setup(project: TestProject) {
  const built =
    existsSync(path.join(root, 'dist/server/server.js')) &&
    existsSync(path.join(root, 'dist/web/index.html'));
  if (process.env.E2E_BUILD !== '0' || !built) {
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    execSync('npm run build', {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }

  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'officina-e2e-'));
  // The issuing body's logo for attestati (a 1×1 PNG), as an operator configures it.
  const logoFile = path.join(dataDir, 'logo.png');
  writeFileSync(
    logoFile,
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    ),
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseURL,
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    // Every spec signs its people in from this one address, as a whole office behind one NAT would;
    // the per-address limit itself is proven by the integration and reliability tests.
    SIGN_IN_LIMIT_PER_MINUTE: '1000',
    // Attestati as a Province would file them: issuing body with its logo, place, signatory.
    CERT_ISSUER: 'Programma di formazione delle Province',
    CERT_LOGO_FILE: logoFile,
    CERT_PLACE: 'Roma',
    CERT_SIGNATORY_NAME: 'Maria Rossi',
    CERT_SIGNATORY_ROLE: 'La Dirigente del Servizio formazione',
  };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL;

  let output = '';
  const child = spawn(process.execPath, ['dist/server/server.js'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    if (process.env.E2E_SERVER_LOG === '1') process.stderr.write(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  try {
    await waitForHealth(baseURL, child, () => output, 120_000);
  } catch (err) {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  project.provide('baseURL', baseURL);

  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
    if (process.env.E2E_SERVER_LOG !== '1' && /"level":(50|60)/.test(output)) {
      process.stderr.write(`\nServer errors during the e2e run:\n${output}\n`);
    }
  };
}
