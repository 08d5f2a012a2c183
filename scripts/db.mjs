// npm run db:migrate | db:backup [FILE] | db:restore FILE: run the built command line (dist/server/db/),
// building the server first when it is missing. The arguments after the command reach it unchanged.
import { buildIfMissing } from './built.mjs';

const commands = {
  migrate: '../dist/server/db/migrate-cli.js',
  backup: '../dist/server/db/backup-cli.js',
  restore: '../dist/server/db/backup-cli.js',
};
const entry = commands[process.argv[2]];
if (!entry) {
  console.error('Usage: node scripts/db.mjs migrate | backup [FILE] | restore FILE');
  process.exit(2);
}
buildIfMissing(['server']);
await import(entry);
