import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';

const run = promisify(execFile);

/** The server writes its pid here while it holds the embedded database open. */
export const PID_FILE = 'officina.pid';

export function assertEmbeddedDatabaseFree(dataDir: string) {
  const pidFile = path.join(dataDir, PID_FILE);
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  try {
    process.kill(pid, 0);
  } catch {
    return; // a stale file from a crash: the process is gone
  }
  throw new Error(
    `The server (pid ${pid}) is using ${dataDir}. Stop it first: the embedded database has one user at a time.`,
  );
}

/** Backs up to FILE: pg_dump custom format for PostgreSQL, a gzipped data-directory dump for PGlite. */
export async function backup(opts: { databaseUrl?: string | undefined; dataDir: string; file: string }) {
  fs.mkdirSync(path.dirname(path.resolve(opts.file)), { recursive: true });
  if (opts.databaseUrl) {
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--file',
      opts.file,
      '--dbname',
      opts.databaseUrl,
    ]);
    return;
  }
  if (!fs.existsSync(path.join(opts.dataDir, 'PG_VERSION')))
    throw new Error(`No embedded database in ${opts.dataDir}`);
  assertEmbeddedDatabaseFree(opts.dataDir);
  const db = await PGlite.create({ dataDir: opts.dataDir });
  try {
    const dump = await db.dumpDataDir('gzip');
    fs.writeFileSync(opts.file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await db.close();
  }
}

/**
 * Restores FILE over the current database. For PGlite the current data directory is kept aside
 * (renamed with a timestamp), never deleted; for PostgreSQL pg_restore replaces the objects it holds.
 * Returns the folder where the previous embedded data was kept, if any.
 */
export async function restore(opts: { databaseUrl?: string | undefined; dataDir: string; file: string }) {
  if (!fs.existsSync(opts.file)) throw new Error(`No such backup file: ${opts.file}`);
  if (opts.databaseUrl) {
    await run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      '--dbname',
      opts.databaseUrl,
      opts.file,
    ]);
    return null;
  }
  assertEmbeddedDatabaseFree(opts.dataDir);
  let keptAt: string | null = null;
  if (fs.existsSync(opts.dataDir) && fs.readdirSync(opts.dataDir).length) {
    keptAt = `${opts.dataDir.replace(/\/$/, '')}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(opts.dataDir, keptAt);
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const db = await PGlite.create({
    dataDir: opts.dataDir,
    loadDataDir: new Blob([fs.readFileSync(opts.file)]),
  });
  await db.query('select 1');
  await db.close();
  return keptAt;
}
