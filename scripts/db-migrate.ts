import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';

// `npm run db:migrate`: applies the pending migrations to the configured database (DATABASE_URL, or
// the embedded PGlite in .data/pglite).
const database = await openDatabase();
try {
  const started = performance.now();
  await migrateDatabase(database);
  console.log(`bandeja: ${database.engine} database migrated in ${Math.round(performance.now() - started)} ms`);
} finally {
  await database.close();
}
