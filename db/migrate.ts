import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from './client';

export const migrationsFolder = path.resolve(import.meta.dirname, 'migrations');

// An arbitrary constant: the advisory lock that keeps two app instances from migrating at once.
const MIGRATION_LOCK = 7_243_001;

// Applies the committed drizzle-kit migrations that have not run yet.
export const migrateDatabase = async (database: Database): Promise<void> => {
  if (database.engine === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder });
    return;
  }
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  await database.db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
  try {
    await migrate(database.db as never, { migrationsFolder });
  } finally {
    await database.db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  }
};
