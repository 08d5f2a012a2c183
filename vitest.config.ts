import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Two workers at least: Vitest's default (one less than the cores) leaves a single worker on a
 * two-core machine, and the test files spend much of their time waiting on the database.
 */
export const maxWorkers = Math.max(2, os.availableParallelism());

/**
 * The two driver projects: `pglite` runs `pglite` files; `postgres` runs `postgres` files a second time
 * against PostgreSQL, when TEST_DATABASE_URL is set. `exclude` leaves files to another project.
 */
export function driverProjects(files: { pglite: string[]; postgres: string[]; exclude?: string[] }) {
  const exclude = [...configDefaults.exclude, ...(files.exclude ?? [])];
  return [
    {
      extends: true as const,
      test: { name: 'pglite', include: files.pglite, exclude, env: { TEST_DRIVER: 'pglite' } },
    },
    ...(process.env.TEST_DATABASE_URL
      ? [
          {
            extends: true as const,
            test: { name: 'postgres', include: files.postgres, exclude, env: { TEST_DRIVER: 'postgres' } },
          },
        ]
      : []),
  ];
}

const web = 'src/web/**/*.test.ts';

export default defineConfig({
  test: {
    globalSetup: ['src/server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers,
    // The server's and the shared code's test files share their workers' module cache: importing the
    // server's modules again for every file cost more time than the tests themselves. Each file still
    // opens its own database and app, and nothing it changes outside them (process.env, timers, module
    // state) may outlive it. The web app's tests replace modules and globals (vi.mock, vi.stubGlobal),
    // so they keep a fresh module cache per file in their own project.
    isolate: false,
    // The web app's unit tests import its modules, never render them: see src/web/test/design-react-kit.ts.
    alias: {
      'design-react-kit': fileURLToPath(new URL('./src/web/test/design-react-kit.ts', import.meta.url)),
    },
    projects: [
      // Only the tests that touch the database run a second time.
      ...driverProjects({ pglite: ['src/**/*.test.ts'], postgres: ['src/**/*.int.test.ts'], exclude: [web] }),
      { extends: true, test: { name: 'web', include: [web], isolate: true } },
    ],
  },
});
