import { sql, type SQL } from 'drizzle-orm';
import type { TPositiveOperator } from './filter-schema';
import type { TFilterValue } from './filter-values';
import { containsPattern } from './contains-pattern';

const lower = (value: SQL): SQL => sql`lower(${value})`;

// equal / contains / present on a text expression, case-insensitive. `normalise` is applied to both
// sides alike (lower() by default; contact names also drop accents, as search does).
export const textCondition = (expression: SQL, op: TPositiveOperator, value: TFilterValue, normalise: (value: SQL) => SQL = lower): SQL => {
  if (op === 'present') return sql`coalesce(btrim(${expression}), '') <> ''`;
  if (value.kind !== 'text') throw new Error(`textCondition: a ${value.kind} value`);
  const text = sql`${value.value}::text`;
  if (op === 'equal') return sql`${normalise(expression)} = ${normalise(text)}`;
  if (op === 'contains') return sql`${normalise(expression)} like ${containsPattern(normalise(text))} escape '\\'`;
  throw new Error(`textCondition: operator ${op}`);
};
