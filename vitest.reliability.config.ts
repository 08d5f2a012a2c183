import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

const postgres = process.env.TEST_DATABASE_URL;

/**
 * `npm run test:reliability`: the authorisation matrix, the hostile-input properties, crash safety and
 * two instances, on PGlite and (when TEST_DATABASE_URL is set) on PostgreSQL. The files live in
 * src/server/reliability/ and end in `.reliability.ts`, so `npm test` does not run them.
 */
export default mergeConfig(
  { ...base, test: { ...base.test, projects: undefined } },
  defineConfig({
    test: {
      testTimeout: 120_000,
      projects: [
        {
          extends: true as const,
          test: {
            name: 'pglite',
            include: ['src/server/reliability/**/*.reliability.ts'],
            env: { TEST_DRIVER: 'pglite' },
          },
        },
        ...(postgres
          ? [
              {
                extends: true as const,
                test: {
                  name: 'postgres',
                  include: ['src/server/reliability/**/*.reliability.ts'],
                  env: { TEST_DRIVER: 'postgres' },
                },
              },
            ]
          : []),
      ],
    },
  }),
);
