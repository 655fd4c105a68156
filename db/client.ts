import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { queryLogEnabled, recordQuery } from './query-log';
import * as schema from './schema';

// The one database type the domain sees, whichever engine is behind it.
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = PgTransaction<PgQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  engine: 'pglite' | 'postgres';
  close: () => Promise<void>;
};

export const defaultDataDir = () => path.resolve(process.env.BANDEJA_DATA_DIR ?? '.data', 'pglite');

// Opens PGlite with the extensions the migrations need. `loadDataDir` starts from a dumped template.
export const openPglite = async (options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<PGlite> => {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  return PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir, extensions: { pg_trgm, unaccent } });
};

export const pgliteDatabase = async (client: PGlite): Promise<Database> => {
  const { drizzle } = await import('drizzle-orm/pglite');
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return { db, engine: 'pglite', close: () => client.close() };
};

// Session settings of every connection to a PostgreSQL server (sent at connect time; the benchmark's
// pool uses them too). jit off: no query of this workload runs long enough to repay compiling it, and
// on the filters and closed-status lists the planner overestimates, compiling took 0.3-0.5 s of a
// 0.8 s query (bench/README.md, README "Performance").
export const postgresSessionSettings: Record<string, string> = { jit: 'off' };

export const postgresDatabase = async (url: string, options: { max?: number } = {}): Promise<Database> => {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: postgresSessionSettings,
    ...(queryLogEnabled() ? { debug: recordQuery } : {}),
  });
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return { db, engine: 'postgres', close: () => client.end({ timeout: 5 }) };
};

// Opens the configured database: DATABASE_URL when set, else PGlite in .data/pglite.
export const openDatabase = async (): Promise<Database> => {
  const url = process.env.DATABASE_URL;
  if (url) return postgresDatabase(url);
  const { mkdir } = await import('node:fs/promises');
  const dataDir = defaultDataDir();
  await mkdir(path.dirname(dataDir), { recursive: true });
  return pgliteDatabase(await openPglite({ dataDir }));
};

// One database per process: PGlite must never open a data dir twice, and the Next.js bundle and the
// custom server share this through globalThis.
const globalForDb = globalThis as unknown as { bandejaDatabase?: Promise<Database> };

export const getDatabase = (): Promise<Database> => {
  globalForDb.bandejaDatabase ??= openDatabase();
  return globalForDb.bandejaDatabase;
};

export const getDb = async (): Promise<Db> => (await getDatabase()).db;

export { schema };
