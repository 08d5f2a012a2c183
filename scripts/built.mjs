// Shared by npm start and npm run db:*: make sure the built code in dist/ exists, building what is missing.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const parts = {
  server: {
    output: 'dist/server/server.js',
    script: 'build:server',
    tool: 'tsc',
    sources: ['src/server', 'src/common', 'drizzle'],
  },
  web: {
    output: 'dist/web/index.html',
    script: 'build:web',
    tool: 'vite',
    sources: ['src/web', 'src/common'],
  },
};

/** The newest modification time of the files under the given folders (tests excluded). */
function newestSource(folders) {
  let newest = 0;
  for (const folder of folders) {
    const dir = path.join(root, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir, { recursive: true })) {
      // Tests and the tools that are not part of the build (benchmark, reliability suite) do not count.
      if (/\.test\.tsx?$|^(bench|reliability|test)\//.test(name)) continue;
      const stat = statSync(path.join(dir, name));
      if (stat.isFile()) newest = Math.max(newest, stat.mtimeMs);
    }
  }
  return newest;
}

/** Whether a part's output is missing or older than one of its source files. */
function stale(part) {
  const output = path.join(root, part.output);
  return !existsSync(output) || statSync(output).mtimeMs < newestSource(part.sources);
}

/**
 * Builds each part whose output is missing, or with `rebuildStale` older than one of its sources
 * (`npm run build:server`, `npm run build:web`). The build needs the
 * development dependencies (TypeScript, Vite); on a production install without them (`npm ci --omit=dev`)
 * it stops with a message saying how to build instead of failing inside npm.
 */
export function buildIfMissing(needed = ['server', 'web'], { rebuildStale = false } = {}) {
  const missing = needed
    .map((name) => parts[name])
    .filter((part) => (rebuildStale ? stale(part) : !existsSync(path.join(root, part.output))));
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
