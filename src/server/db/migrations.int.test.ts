import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { startTestApp } from '../test/app.js';
import { migrationsFolder, runMigrations } from './migrate.js';
import { auditLog, roleGrants, territorialUnits, users } from './schema/index.js';
import { seedReference } from './seed/reference.js';

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
