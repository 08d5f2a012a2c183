// npm run db:migrate: apply pending migrations and reference data without starting the server.
import { pino } from 'pino';
import { loadConfig } from '../config.js';
import { assertEmbeddedDatabaseFree } from './backup.js';
import { openDatabase } from './client.js';
import { prepareDatabase } from './setup.js';

const config = loadConfig();
if (!config.databaseUrl) assertEmbeddedDatabaseFree(config.dataDir);
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await prepareDatabase(database, config, pino({ level: config.logLevel }));
  console.log(`Database ready (${database.driver}).`);
} finally {
  await database.close();
}
