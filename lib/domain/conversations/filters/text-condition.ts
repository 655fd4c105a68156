import { sql, type SQL } from 'drizzle-orm';
import type { TPositiveOperator } from './filter-schema';
import type { TFilterValue } from './filter-values';
import { containsPattern } from './contains-pattern';

const lower = (value: SQL): SQL => sql`lower(${value})`;

// A text expression as a condition compares it: `folded` is the expression already normalised (what
// its index holds: lower(email), contacts.search_name), `fold` normalises a typed value the same way.
export type TFoldedText = { folded: SQL; fold: (value: SQL) => SQL };

// Case-insensitive text: lower() on both sides.
export const lowerText = (expression: SQL): TFoldedText => ({ folded: lower(expression), fold: lower });

// equal / contains / present on a text expression, compared as `text` folds it (contact names also
// drop accents, as search does).
export const textCondition = ({ folded, fold }: TFoldedText, op: TPositiveOperator, value: TFilterValue): SQL => {
  if (op === 'present') return sql`coalesce(btrim(${folded}), '') <> ''`;
  if (value.kind !== 'text') throw new Error(`textCondition: a ${value.kind} value`);
  const text = sql`${value.value}::text`;
  if (op === 'equal') return sql`${folded} = ${fold(text)}`;
  if (op === 'contains') return sql`${folded} like ${containsPattern(fold(text))} escape '\\'`;
  throw new Error(`textCondition: operator ${op}`);
};
