import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from './test/db.js';
import { startServer, stop } from './test/process.js';

const login = (base: string, email: string, password: string) =>
  fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

const ADMIN = { ADMIN_EMAIL: 'capo@provincia.example.it', ADMIN_PASSWORD: 'Prima-Chiave-Sicura-2026' };

if (process.env.TEST_DRIVER === 'pglite')
  describe('the server process on the embedded database', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'officina-server-'));
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it('creates the database with demo content and the first admin, and shuts down cleanly on SIGTERM', async () => {
      const { base, child } = await startServer({ DATA_DIR: dataDir, ...ADMIN });
      expect(await (await fetch(`${base}/api/health`)).json()).toMatchObject({
        status: 'ok',
        database: 'pglite',
      });
      expect((await login(base, 'admin@officina.demo', 'Officina-Demo-2026')).status).toBe(200);
      expect((await login(base, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD)).status).toBe(200);
      expect(existsSync(path.join(dataDir, 'officina.pid'))).toBe(true);
      expect(await stop(child)).toBe(0);
      expect(existsSync(path.join(dataDir, 'officina.pid'))).toBe(false);

      // Started again on the same files: data kept; a national admin exists, so none is created.
      const again = await startServer({
        DATA_DIR: dataDir,
        ADMIN_EMAIL: 'altro@example.org',
        ADMIN_PASSWORD: 'Un-Altra-Chiave-Sicura',
      });
      expect((await login(again.base, 'admin@officina.demo', 'Officina-Demo-2026')).status).toBe(200);
      expect((await login(again.base, 'altro@example.org', 'Un-Altra-Chiave-Sicura')).status).toBe(401);
      expect(await stop(again.child)).toBe(0);
    }, 120_000);
  });

if (process.env.TEST_DRIVER === 'postgres')
  describe('the server process on PostgreSQL', () => {
    it('migrates an empty database at start-up, creates the first admin and loads no demo content', async () => {
      const database = await openTestDatabase({ empty: true });
      // A hook registered inside a test never runs: the database is dropped here, whatever happens.
      try {
        const { base, child } = await startServer({ DATABASE_URL: database.url as string, ...ADMIN });
        expect(await (await fetch(`${base}/api/health`)).json()).toMatchObject({
          status: 'ok',
          database: 'postgres',
        });
        expect((await login(base, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD)).status).toBe(200);
        expect((await login(base, 'admin@officina.demo', 'Officina-Demo-2026')).status).toBe(401);
        const units = (await (await fetch(`${base}/api/v1/units?pageSize=1`)).json()) as { total: number };
        expect(units.total).toBe(107);
        expect(await stop(child)).toBe(0);
      } finally {
        await database.close();
      }
    }, 120_000);
  });
