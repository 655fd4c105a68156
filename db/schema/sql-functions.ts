import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

// f_unaccent(text) is an IMMUTABLE wrapper around unaccent(), created by the first migration, so
// that expression indexes can use it. Search and indexes must call it the same way to match.
export const searchable = (column: AnyPgColumn | SQL): SQL => sql`f_unaccent(lower(${column}))`;
