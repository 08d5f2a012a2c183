import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The two driver projects: `pglite` runs `pglite` files; `postgres` runs `postgres` files a second time
 * against PostgreSQL, when TEST_DATABASE_URL is set.
 */
export function driverProjects(files: { pglite: string[]; postgres: string[] }) {
  return [
    {
      extends: true as const,
      test: { name: 'pglite', include: files.pglite, env: { TEST_DRIVER: 'pglite' } },
    },
    ...(process.env.TEST_DATABASE_URL
      ? [
          {
            extends: true as const,
            test: { name: 'postgres', include: files.postgres, env: { TEST_DRIVER: 'postgres' } },
          },
        ]
      : []),
  ];
}

export default defineConfig({
  test: {
    globalSetup: ['src/server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The web app's unit tests import its modules, never render them: see src/web/test/design-react-kit.ts.
    alias: {
      'design-react-kit': fileURLToPath(new URL('./src/web/test/design-react-kit.ts', import.meta.url)),
    },
    // Only the tests that touch the database run a second time.
    projects: driverProjects({ pglite: ['src/**/*.test.ts'], postgres: ['src/**/*.int.test.ts'] }),
  },
});
