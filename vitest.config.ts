import { defineConfig } from 'vitest/config';

// `@/…` resolves from the repository root, as in tsconfig.json. A regex so `@electric-sql/…` is untouched.
const alias = [{ find: /^@\//, replacement: `${import.meta.dirname}/` }];

// `npm test` runs the three projects below; `npm run test:e2e` uses vitest.e2e.config.ts.
export default defineConfig({
  resolve: { alias },
  // No @vitejs/plugin-react: Vite's own Oxc transform compiles TSX with React 19's automatic runtime.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  test: {
    // This machine (and CI) has 2 cores; every integration file holds a database of its own.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          // Migrates one template per run: a PGlite dump, or a PostgreSQL template database.
          globalSetup: ['tests/setup/global-db.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/setup/component.ts'],
        },
      },
    ],
  },
});
