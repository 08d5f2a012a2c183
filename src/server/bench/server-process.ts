import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Manifest } from './manifest.js';

export type ServerHandle = {
  base: string;
  pid: number;
  /** Milliseconds from spawn to the first 200 of /api/health. */
  startupMs: number;
  /** Stops the server (SIGTERM, then waits for it to exit); returns its peak resident memory. */
  stop(): Promise<{ peakRssBytes: number }>;
};

/** A port nobody listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A value of /proc/<pid>/status in bytes (VmRSS, VmHWM), or null once the process is gone. */
export function procStatusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** The environment of the production server on the benchmark's dataset. */
export function serverEnv(manifest: Manifest, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    SEED_DEMO: 'false',
    SESSION_SECRET: manifest.sessionSecret,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    SIGN_IN_LIMIT_PER_MINUTE: '100000',
  };
  if (manifest.driver === 'postgres') env.DATABASE_URL = manifest.databaseUrl;
  else env.DATA_DIR = manifest.dataDir;
  return env;
}

/**
 * Starts `node dist/server/server.js` on the dataset and waits for its first healthy answer. Its resident
 * memory is sampled every 100 ms until it stops; the kernel's high-water mark (VmHWM) is read just
 * before the stop signal, so the peak covers start-up, migrations and every request in between.
 */
export async function startServer(root: string, manifest: Manifest): Promise<ServerHandle> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'dist/server/server.js')], {
    cwd: root,
    env: serverEnv(manifest, port),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the server process did not start');
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, procStatusBytes(pid, 'VmHWM') ?? 0, procStatusBytes(pid, 'VmRSS') ?? 0);
  };
  const sampler = setInterval(sample, 100);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await waitHealthy(base, child, 120_000);
  } catch (err) {
    clearInterval(sampler);
    child.kill('SIGTERM');
    await exited;
    throw err;
  }
  const startupMs = performance.now() - started;
  return {
    base,
    pid,
    startupMs,
    async stop() {
      sample();
      clearInterval(sampler);
      child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0 && code !== null) throw new Error(`the server exited with code ${code}`);
      return { peakRssBytes: peak };
    },
  };
}

async function waitHealthy(base: string, child: ChildProcess, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`the server exited with code ${child.exitCode} while starting`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`the server did not answer /api/health within ${timeoutMs / 1000} s`);
}
