// npm start: build what is missing (server and web), then run the server, which migrates and serves.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const missing = [];
if (!existsSync('dist/server/server.js')) missing.push('build:server');
if (!existsSync('dist/web/index.html')) missing.push('build:web');
for (const script of missing) {
  console.log(`> npm run ${script}`);
  execSync(`npm run ${script}`, { stdio: 'inherit' });
}
await import('../dist/server/server.js');
