import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const postgres = process.env.TEST_DATABASE_URL;

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
    projects: [
      {
        extends: true as const,
        test: {
          name: 'pglite',
          include: ['src/**/*.test.ts'],
          env: { TEST_DRIVER: 'pglite' },
        },
      },
      ...(postgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                // Only the tests that touch the database run a second time.
                include: ['src/**/*.int.test.ts'],
                env: { TEST_DRIVER: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
});
