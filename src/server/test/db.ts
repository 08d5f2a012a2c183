import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../db/client.js';
import { adminUrl } from './postgres.js';

/**
 * A migrated database with reference data (or an empty one), private to the calling test file: a
 * PGlite loaded from the run's snapshot, or a copy of the PostgreSQL template when the project is 'postgres'.
 */
export async function openTestDatabase(opts: { empty?: boolean } = {}): Promise<Database> {
  if (process.env.TEST_DRIVER === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    const template = inject('postgresTemplate');
    if (!url || !template) throw new Error('TEST_DATABASE_URL is not set');
    const name = `officina_test_${randomBytes(6).toString('hex')}`;
    await withAdmin(url, async (c) => {
      // Copying a template fails while another copy is being made: retry briefly.
      for (let attempt = 0; ; attempt++) {
        try {
          await c.query(`create database ${name} template ${opts.empty ? 'template0' : template}`);
          return;
        } catch (err) {
          if (attempt > 20 || !String(err).includes('being accessed')) throw err;
          await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
        }
      }
    });
    const database = await openDatabase({ databaseUrl: adminUrl(url, name) });
    return {
      ...database,
      close: async () => {
        await database.close();
        await withAdmin(url, (c) => c.query(`drop database if exists ${name} with (force)`));
      },
    };
  }
  if (opts.empty) return openDatabase({});
  const snapshot = readFileSync(inject('pgliteSnapshot'));
  return openDatabase({ loadDataDir: new Blob([snapshot]) });
}

async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
