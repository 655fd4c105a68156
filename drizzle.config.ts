import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL from db/schema; the app applies it with lib/db/migrate.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
