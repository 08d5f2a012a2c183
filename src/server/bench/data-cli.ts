// npm run bench:data [-- --scale=1 --seed=1 --out=bench-data --today=YYYY-MM-DD --reset]
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { newToken } from '../kernel/tokens.js';
import { DatasetRefused, loadDataset } from './dataset.js';
import { withoutPassword, writeManifest } from './manifest.js';
import { parseOptions, sizesFor } from './options.js';
import { resetPostgres } from './reset.js';

try {
  const opts = parseOptions(process.argv.slice(2));
  const config = loadConfig();
  const started = performance.now();
  const dataDir = path.resolve(opts.out, 'pglite');
  if (!config.databaseUrl && fs.existsSync(dataDir)) {
    if (!opts.reset) throw new DatasetRefused(`${dataDir} exists: pass --reset to replace it`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir });
  try {
    if (config.databaseUrl && opts.reset) await resetPostgres(database.db);
    console.log(
      `Loading the national dataset (scale ${opts.scale}, seed ${opts.seed}, today ${opts.today}) into ${database.driver}…`,
    );
    // The cookie secret: stored where the server reads it without SESSION_SECRET, and given to the runner.
    // Always a new one: a SESSION_SECRET left in the shell (a real installation's) never reaches the disk.
    const sessionSecret = newToken() + newToken();
    const result = await loadDataset(database, config, {
      ...opts,
      sessionSecret,
      log: (m) => console.log(`  ${m}`),
    });
    const loadSeconds = Math.round((performance.now() - started) / 100) / 10;
    const burst = sizesFor(opts.scale).burstUsers;
    const file = writeManifest(opts.out, {
      seed: opts.seed,
      scale: opts.scale,
      today: opts.today,
      driver: database.driver,
      ...(config.databaseUrl ? { databaseUrl: withoutPassword(config.databaseUrl) } : { dataDir }),
      sessionSecret,
      password: result.password,
      counts: result.counts,
      loadSeconds,
      ...(burst < 2000 ? { burstScaled: `scale ${opts.scale}: ${burst} burst users instead of 2000` } : {}),
      fixtures: result.fixtures,
    });
    const c = result.counts;
    console.log(
      `Loaded in ${loadSeconds} s: ${c.users} users, ${c.editions} editions, ${c.edition_sessions} sessions, ${c.enrolments} enrolments, ${c.attendance} attendance rows, ${c.certificates} certificates. Manifest: ${file}`,
    );
  } finally {
    await database.close();
  }
} catch (err) {
  console.error(err instanceof DatasetRefused ? `Refused: ${err.message}` : err);
  process.exitCode = 1;
}
