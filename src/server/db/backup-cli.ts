// npm run db:backup [FILE]   |   npm run db:restore FILE
import path from 'node:path';
import { loadConfig } from '../config.js';
import { backup, restore } from './backup.js';

const [command, fileArg] = process.argv.slice(2);
const config = loadConfig();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');

try {
  if (command === 'backup') {
    const file =
      fileArg ?? path.join('backups', `officina-${stamp}.${config.databaseUrl ? 'dump' : 'tar.gz'}`);
    await backup({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, file });
    console.log(`Backup written to ${file}`);
  } else if (command === 'restore' && fileArg) {
    const keptAt = await restore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, file: fileArg });
    console.log(`Restored ${fileArg}.${keptAt ? ` The previous data is kept in ${keptAt}.` : ''}`);
    console.log('Start the server: pending migrations are applied at start-up.');
  } else {
    console.error('Usage: npm run db:backup [FILE]  |  npm run db:restore FILE');
    process.exit(2);
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
