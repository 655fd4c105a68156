import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, inject } from 'vitest';
import { openPglite, pgliteDatabase, postgresDatabase, type Database } from '@/db/client';
import { createDatabase, databaseUrl, dropDatabase, newDatabaseName } from '@/tests/setup/postgres-admin';
import type { TestDatabaseTemplate } from '@/tests/setup/global-db';

// The template this run's globalSetup migrated (tests/setup/global-db.ts).
const template = (): TestDatabaseTemplate => {
  const provided = inject('testDatabase');
  if (!provided) {
    throw new Error(
      'No test database template: createTestDatabase runs in the "integration" vitest project, whose globalSetup (tests/setup/global-db.ts) migrates it.',
    );
  }
  return provided;
};

// The dump is read once per worker; every PGlite loaded from it is independent.
let dump: Promise<Blob> | undefined;
const readDump = (dumpPath: string) => {
  dump ??= readFile(dumpPath).then((bytes) => new Blob([bytes], { type: 'application/x-tar' }));
  return dump;
};

// close() may be called by a test and again by useTestDatabase's afterAll; the work happens once.
const closingOnce = (database: Database, afterClose?: () => Promise<void>): Database => {
  let closing: Promise<void> | undefined;
  const close = async () => {
    try {
      await database.close();
    } finally {
      await afterClose?.();
    }
  };
  return { ...database, close: () => (closing ??= close()) };
};

// A fresh, migrated database isolated from every other call: an in-memory PGlite loaded from the run's dump,
// or (DATABASE_URL set) a new database copied from the run's template. close() also drops that database.
export const createTestDatabase = async (): Promise<Database> => {
  const source = template();
  if (source.engine === 'pglite') {
    return closingOnce(await pgliteDatabase(await openPglite({ loadDataDir: await readDump(source.dumpPath) })));
  }
  const name = newDatabaseName(source.prefix);
  await createDatabase(source.serverUrl, name, source.template);
  const database = await postgresDatabase(databaseUrl(source.serverUrl, name), { max: 5 });
  return closingOnce(database, () => dropDatabase(source.serverUrl, name));
};

// One database for the calling test file (or describe block): created before its tests, closed and dropped
// after them. Call the returned getter inside tests and hooks.
export const useTestDatabase = (): (() => Database) => {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
    database = undefined;
  });
  return () => {
    if (!database) throw new Error('useTestDatabase(): the database exists only inside tests and hooks, after beforeAll.');
    return database;
  };
};
