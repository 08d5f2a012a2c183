import fs from 'node:fs';
import path from 'node:path';
import closeWithGrace from 'close-with-grace';
import { pino } from 'pino';
import { buildApp } from './app.js';
import { loadConfig, publicUrlWarning, trustProxyWarning } from './config.js';
import { assertEmbeddedDatabaseFree, PID_FILE } from './db/backup.js';
import { openDatabase } from './db/client.js';
import { describeFailure, failureText } from './db/failure.js';
import { prepareDatabase } from './db/setup.js';
import { AppError } from './kernel/errors.js';

async function main() {
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  const proxyWarning = trustProxyWarning(config);
  if (proxyWarning) log.warn(proxyWarning);
  const urlWarning = publicUrlWarning(config);
  if (urlWarning) log.warn(urlWarning);
  if (!config.databaseUrl) assertEmbeddedDatabaseFree(config.dataDir);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onIdleError: (err) => log.warn({ err }, 'idle database connection lost'),
  });
  const pidFile = path.join(config.dataDir, PID_FILE);
  if (!config.databaseUrl) fs.writeFileSync(pidFile, String(process.pid));
  try {
    await prepareDatabase(database, config, log);
  } catch (err) {
    await database.close();
    fs.rmSync(pidFile, { force: true });
    if (err instanceof AppError) throw new Error(err.messages.en);
    log.fatal({ err, failure: describeFailure(err) }, `database preparation failed: ${failureText(err)}`);
    process.exit(1);
  }
  const { app } = await buildApp({ config, database, logger: log });
  app.addHook('onClose', async () => {
    await database.close();
    if (!config.databaseUrl) fs.rmSync(pidFile, { force: true });
  });

  // SIGTERM/SIGINT: stop accepting, finish requests in flight, close the database; give up after 10 s.
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'fatal error, shutting down');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
  });
  // A sign-up opening brings thousands of connections in the same second: the default queue of 511
  // pending connections would drop the rest (the kernel's somaxconn still caps it).
  await app.listen({ port: config.port, host: config.host, backlog: 4096 });
}

main().catch((err) => {
  console.error(failureText(err));
  process.exit(1);
});
