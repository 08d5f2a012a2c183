import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase, pgliteOf } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { seedReference } from '../db/seed/reference.js';
import { adminUrl, TEMPLATE_DB } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    postgresTemplate: string | null;
  }
}

/**
 * Migrates and seeds once per run: a PGlite snapshot that every test file loads, and (when
 * TEST_DATABASE_URL is set) a PostgreSQL template database that every test file copies.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'officina-test-'));
  const database = await openDatabase({});
  await runMigrations(database);
  await seedReference(database.db);
  const dump = await pgliteOf(database.db)?.dumpDataDir('gzip');
  if (!dump) throw new Error('no PGlite dump');
  const snapshot = path.join(dir, 'snapshot.tar.gz');
  writeFileSync(snapshot, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteSnapshot', snapshot);

  let template: string | null = null;
  const url = process.env.TEST_DATABASE_URL;
  // A name of its own, so that runs sharing one server never drop each other's template.
  const name = `${TEMPLATE_DB}_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  if (url) {
    await admin(`create database ${name}`);
    const tpl = await openDatabase({ databaseUrl: adminUrl(url, name) });
    await runMigrations(tpl);
    await seedReference(tpl.db);
    await tpl.close();
    template = name;
  }
  project.provide('postgresTemplate', template);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (template) await admin(`drop database if exists ${template} with (force)`);
  };
}
