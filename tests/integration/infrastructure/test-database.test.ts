import { readFile } from 'node:fs/promises';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, describe, expect, test } from 'vitest';
import type { Database } from '@/db/client';
import { migrationsFolder } from '@/db/migrate';
import { accounts } from '@/db/schema';
import { createTestDatabase, useTestDatabase } from '@/tests/helpers/db';

// PGlite's drizzle driver returns { rows }, postgres.js returns the rows array itself.
const rows = async <T>(database: Database, query: SQL): Promise<T[]> => {
  const result = (await database.db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
};

describe('useTestDatabase', () => {
  const database = useTestDatabase();

  test('runs on PostgreSQL when DATABASE_URL is set, on PGlite otherwise', () => {
    expect(database().engine).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  });

  test('has every committed migration applied', async () => {
    const journal = JSON.parse(await readFile(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as { entries: unknown[] };
    const [applied] = await rows<{ count: number }>(database(), sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
    expect(applied.count).toBe(journal.entries.length);

    const tables = await rows<{ name: string }>(
      database(),
      sql`select table_name as name from information_schema.tables where table_schema = 'public'`,
    );
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(['accounts', 'users', 'inboxes', 'contacts', 'conversations', 'messages', 'labels']),
    );
  });

  test('searches without accents: f_unaccent is installed', async () => {
    const [row] = await rows<{ plain: string }>(database(), sql`select f_unaccent(lower(${'Razón Ñandú'})) as plain`);
    expect(row.plain).toBe('razon nandu');
  });

  test('has pg_trgm for fuzzy search', async () => {
    const [row] = await rows<{ score: number }>(database(), sql`select similarity('conversacion', 'conversación')::float8 as score`);
    expect(row.score).toBeGreaterThan(0.5);
    const [operator] = await rows<{ matches: boolean }>(database(), sql`select 'devolución' % 'devolucion' as matches`);
    expect(operator.matches).toBe(true);
  });
});

describe('createTestDatabase', () => {
  const opened: Database[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((database) => database.close()));
  });

  test('gives every call its own database', async () => {
    const [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    opened.push(first, second);

    await first.db.insert(accounts).values({ name: 'Acme' });

    expect(await first.db.select({ name: accounts.name }).from(accounts)).toEqual([{ name: 'Acme' }]);
    expect(await second.db.select().from(accounts)).toEqual([]);

    // Identity sequences are per database too, so ids are predictable in every file.
    const [inSecond] = await second.db.insert(accounts).values({ name: 'Globex' }).returning({ id: accounts.id });
    expect(inSecond.id).toBe(1);
  });

  test('close() can be called twice', async () => {
    const database = await createTestDatabase();
    await database.close();
    await expect(database.close()).resolves.toBeUndefined();
  });
});
