import { defineConfig, mergeConfig } from 'vitest/config';
import base, { driverProjects } from './vitest.config.js';

const files = ['src/server/reliability/**/*.reliability.ts'];

/**
 * `npm run test:reliability`: the authorisation matrix, the hostile-input properties, crash safety and
 * two instances, on PGlite and (when TEST_DATABASE_URL is set) on PostgreSQL. The files live in
 * src/server/reliability/ and end in `.reliability.ts`, so `npm test` does not run them.
 */
export default mergeConfig(
  { ...base, test: { ...base.test, projects: undefined } },
  defineConfig({
    // Two workers, as for `npm test`; each file keeps a fresh module cache (there are few of them, and
    // they start servers and child processes of their own).
    test: {
      testTimeout: 120_000,
      isolate: true,
      projects: driverProjects({ pglite: files, postgres: files }),
    },
  }),
);
