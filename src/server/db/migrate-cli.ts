// npm run db:migrate: apply pending migrations and reference data without starting the server.
import { pino } from 'pino';
import { loadConfig } from '../config.js';
import { assertEmbeddedDatabaseFree } from './backup.js';
import { openDatabase } from './client.js';
import { describeFailure, failureText } from './failure.js';
import { prepareDatabase } from './setup.js';

const config = loadConfig();
const log = pino({ level: config.logLevel });
try {
  if (!config.databaseUrl) assertEmbeddedDatabaseFree(config.dataDir);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await prepareDatabase(database, config, log);
    console.log(`Database ready (${database.driver}).`);
  } finally {
    await database.close();
  }
} catch (err) {
  log.fatal({ err, failure: describeFailure(err) }, `migration failed: ${failureText(err)}`);
  process.exitCode = 1;
}
