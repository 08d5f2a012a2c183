import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { startTestApp } from '../test/app.js';
import { openTestDatabase } from '../test/db.js';
import { openDatabase } from './client.js';
import { describeFailure, failureText } from './failure.js';
import { migrationsFolder, runMigrations } from './migrate.js';
import { auditLog, roleGrants, territorialUnits, users } from './schema/index.js';
import { seedReference } from './seed/reference.js';
import { prepareDatabase } from './setup.js';

const migrationFiles = readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql'));

describe('migrations', () => {
  it('never drop a table or a column: they are forward-only and keep what users entered', () => {
    for (const file of migrationFiles) {
      const sqlText = readFileSync(path.join(migrationsFolder, file), 'utf8');
      expect(sqlText, file).not.toMatch(/\bDROP\s+(TABLE|COLUMN)\b/i);
      expect(sqlText, file).not.toMatch(/\bTRUNCATE\b/i);
    }
  });

  it('match the schema: generating again produces no new migration', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'officina-drizzle-'));
    try {
      cpSync(migrationsFolder, dir, { recursive: true });
      execFileSync(
        'npx',
        [
          'drizzle-kit',
          'generate',
          '--dialect',
          'postgresql',
          '--schema',
          'src/server/db/schema/index.ts',
          '--out',
          dir,
        ],
        {
          stdio: 'pipe',
        },
      );
      expect(readdirSync(dir).filter((f) => f.endsWith('.sql'))).toEqual(migrationFiles);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('start-up on a database in use', async () => {
  const t = await startTestApp();

  it('re-applies migrations and reference data without touching existing data', async () => {
    const admin = await t.as('admin@officina.demo');
    await admin.post('/api/v1/users', { email: 'dato.reale@example.org', name: 'Dato Reale', unitId: null });
    const counts = async () => ({
      users: (await t.db.select({ n: count() }).from(users))[0]?.n,
      grants: (await t.db.select({ n: count() }).from(roleGrants))[0]?.n,
      units: (await t.db.select({ n: count() }).from(territorialUnits))[0]?.n,
      audit: (await t.db.select({ n: count() }).from(auditLog))[0]?.n,
    });
    const before = await counts();
    await runMigrations(t.database);
    await seedReference(t.db);
    expect(await counts()).toEqual(before);
    expect(before.units).toBe(107);
  });
});

describe('a migration that fails', () => {
  it('is reported with the reason, code and detail the database gave, not only the failed query', async () => {
    const database = await openTestDatabase();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'officina-drizzle-'));
    try {
      cpSync(migrationsFolder, dir, { recursive: true });
      const journalFile = path.join(dir, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as {
        entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
      };
      const last = journal.entries.at(-1);
      if (!last) throw new Error('no migrations');
      journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: '9999_clash' });
      writeFileSync(journalFile, JSON.stringify(journal));
      writeFileSync(path.join(dir, '9999_clash.sql'), 'CREATE TABLE "territorial_units" ("id" integer);');

      const err = await runMigrations(database, dir).then(
        () => null,
        (e: unknown) => e,
      );
      expect(describeFailure(err)).toMatchObject({
        code: '42P07',
        reason: expect.stringContaining('already exists'),
      });
      expect(failureText(err)).toMatch(
        /^Failed query: CREATE TABLE "territorial_units".* — 42P07 .*already exists/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await database.close();
    }
  });
});

if (process.env.TEST_DRIVER === 'postgres')
  describe('instances preparing one empty PostgreSQL database together', () => {
    it('take turns: every one succeeds, and migrations, reference data and the first admin exist once', async () => {
      const database = await openTestDatabase({ empty: true });
      const config = {
        ...loadConfig({
          LOG_LEVEL: 'silent',
          ADMIN_EMAIL: 'capo@provincia.example.it',
          ADMIN_PASSWORD: 'Prima-Chiave-Sicura-2026',
        }),
        seedDemo: false,
      };
      const instances = await Promise.all(
        Array.from({ length: 6 }, () => openDatabase({ databaseUrl: database.url })),
      );
      try {
        const said: unknown[] = [];
        const results = await Promise.allSettled(
          instances.map((d) =>
            prepareDatabase(d, config, { info: (...args: unknown[]) => void said.push(args) }),
          ),
        );
        expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
        // They really did meet: all but the first found the lock taken.
        expect(said.filter((a) => String(a).includes('waiting')).length).toBeGreaterThanOrEqual(1);

        const applied = await database.db.execute<{ n: number }>(
          sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
        );
        const journal = JSON.parse(
          readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
        );
        expect((applied as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(journal.entries.length);
        expect((await database.db.select({ n: count() }).from(territorialUnits))[0]?.n).toBe(107);
        expect((await database.db.select({ n: count() }).from(users))[0]?.n).toBe(1);
        expect((await database.db.select({ n: count() }).from(roleGrants))[0]?.n).toBe(1);
      } finally {
        await Promise.all(instances.map((d) => d.close()));
        await database.close();
      }
    }, 120_000);
  });
