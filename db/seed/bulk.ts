import { getTableName, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../client';

// PostgreSQL allows 65,535 bind parameters per statement; stay well below.
const MAX_PARAMETERS = 30_000;

// Reserves `count` ids from a table's identity sequence, so rows that reference each other can be
// built in memory and inserted in bulk without RETURNING. Safe alongside concurrent inserts.
export const allocateIds = async (tx: Tx, table: PgTable, count: number): Promise<number[]> => {
  if (count === 0) return [];
  const name = getTableName(table);
  const rows = await tx.execute<{ id: number | string }>(
    sql`select nextval(pg_get_serial_sequence(${name}, 'id')) as id from generate_series(1, ${count})`,
  );
  // postgres.js returns an array; PGlite returns { rows }.
  const list = (Array.isArray(rows) ? rows : (rows as unknown as { rows: Array<{ id: number | string }> }).rows) as Array<{
    id: number | string;
  }>;
  return list.map((row) => Number(row.id));
};

// Inserts rows in as few statements as the parameter limit allows.
export const insertMany = async <T extends PgTable>(tx: Tx, table: T, rows: Array<T['$inferInsert']>): Promise<void> => {
  if (rows.length === 0) return;
  const columns = getTableConfig(table).columns.length;
  const chunkSize = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  for (let start = 0; start < rows.length; start += chunkSize) {
    await tx.insert(table).values(rows.slice(start, start + chunkSize));
  }
};
