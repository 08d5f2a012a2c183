// Shared by npm start and npm run db:*: make sure the built code in dist/ exists, building what is missing.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const parts = {
  server: { output: 'dist/server/server.js', script: 'build:server', tool: 'tsc' },
  web: { output: 'dist/web/index.html', script: 'build:web', tool: 'vite' },
};

/**
 * Builds each part whose output is missing (`npm run build:server`, `npm run build:web`). The build needs the
 * development dependencies (TypeScript, Vite); on a production install without them (`npm ci --omit=dev`)
 * it stops with a message saying how to build instead of failing inside npm.
 */
export function buildIfMissing(needed = ['server', 'web']) {
  const missing = needed
    .map((name) => parts[name])
    .filter((part) => !existsSync(path.join(root, part.output)));
  const absentTools = missing.filter((part) => !existsSync(path.join(root, 'node_modules/.bin', part.tool)));
  if (absentTools.length) {
    console.error(
      [
        `Officina is not built (${missing.map((part) => part.output).join(', ')} missing) and the build tools`,
        '(TypeScript, Vite: development dependencies) are not installed, as after `npm ci --omit=dev`.',
        'Build before leaving out the development dependencies:',
        '',
        '  npm ci && npm run build && npm prune --omit=dev',
        '',
        'or copy a dist/ folder built from the same version, then run this command again.',
      ].join('\n'),
    );
    process.exit(1);
  }
  for (const part of missing) {
    console.log(`> npm run ${part.script}`);
    execSync(`npm run ${part.script}`, { cwd: root, stdio: 'inherit' });
  }
}
