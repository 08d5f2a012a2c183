import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: Playwright (playwright-core driving Debian's Chromium) against the real built server,
 * started once by e2e/global-setup.ts on a fresh embedded database with the demo seed.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    // One browser, one server, one database: the spec files run one after the other in a single fork.
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    teardownTimeout: 30_000,
    reporters: ['default'],
  },
});
