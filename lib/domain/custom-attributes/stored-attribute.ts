import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AttributeValue } from '../activity/activity-text';

// The custom_attributes column with one key set (value) or removed (null), computed by PostgreSQL
// on the row's current value, so that a write never drops a key another writer just set. Key and
// value reach SQL as parameters (the value as JSON text, cast there: no driver re-encodes it).
export const storedAttribute = (column: AnyPgColumn, key: string, value: AttributeValue | null): SQL =>
  value === null
    ? sql`${column} - ${key}::text`
    : sql`${column} || jsonb_build_object(${key}::text, ${JSON.stringify(value)}::text::jsonb)`;
