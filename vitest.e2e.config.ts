import { defineConfig } from 'vitest/config';

// End-to-end: the built app in Chromium. `npm run build` first; `npm run test:e2e` runs this.
export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: `${import.meta.dirname}/` }] },
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    // Starts server.ts on a free port with an empty data dir and stops it after the run.
    globalSetup: ['tests/e2e/setup/app-server.ts'],
    setupFiles: ['tests/e2e/setup/browser-hooks.ts'],
    // One app, one seeded database: files run one after another.
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
