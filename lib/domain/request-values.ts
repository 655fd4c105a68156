import { z } from 'zod';
import { DomainError } from './errors';

// What the public APIs (client API, widget, application API) check in a request before any schema,
// so that a value PostgreSQL cannot hold is a 4xx naming the field, never an SQL error (issue 12 #5).

// PostgreSQL's `integer`: every id and display number is one.
export const MAX_DB_INT = 2_147_483_647;

// A row id or display number, as a number the code already holds.
export const isDbId = (value: number): boolean => Number.isInteger(value) && value > 0 && value <= MAX_DB_INT;

// A row id or display number from a path, query, form or body (text there, so coerced).
export const ZDbId = z.coerce.number().int().positive().max(MAX_DB_INT);

// An optional id (a `before` cursor, a form's "none" choice): absent, empty or null is none; anything
// else must be an id.
export const ZOptionalDbId = z.preprocess((value) => (value === '' || value === null ? undefined : value), ZDbId.optional());

// An id or "nobody" (a select's empty or "none" choice: unassign, no team): null, as opposed to
// ZOptionalDbId's "not given".
export const ZDbIdOrNone = z.preprocess((value) => (value === '' || value === 'none' ? null : value), ZDbId.nullable());

// A `page` from the query: absent, junk or below 1 is page 1 (as Chatwoot's Rails params read it); a
// number past PostgreSQL's integer (its offset would overflow the database's numbers) is refused.
export const ZQueryPage = z.coerce
  .number()
  .catch(1)
  .pipe(z.number().max(MAX_DB_INT))
  .pipe(z.number().int().min(1).catch(1));

// Deeper than this is no integration's data; jsonb and JSON.stringify recurse on it.
export const MAX_BODY_DEPTH = 32;

type Unstorable = { field: string; reason: 'nul_byte' | 'too_deep' };

// The first place in a parsed body (JSON, form fields, query) that no column can store: a NUL byte
// in a string or key (PostgreSQL text refuses it: 22021), or nesting past MAX_BODY_DEPTH.
const findUnstorable = (value: unknown, field: string, depth: number): Unstorable | null => {
  if (typeof value === 'string') return value.includes('\u0000') ? { field, reason: 'nul_byte' } : null;
  if (!value || typeof value !== 'object') return null;
  if (depth >= MAX_BODY_DEPTH) return { field, reason: 'too_deep' };
  for (const [key, item] of Object.entries(value)) {
    const path = field ? `${field}.${key}` : key;
    if (key.includes('\u0000')) return { field: path, reason: 'nul_byte' };
    const found = findUnstorable(item, path, depth + 1);
    if (found) return found;
  }
  return null;
};

// Every API entry point runs its parsed body (and query) through this before its schema.
export const refuseUnstorable = <T>(value: T): T => {
  const found = findUnstorable(value, '', 0);
  if (found) throw new DomainError('INVALID_INPUT', { field: found.field || 'body', reason: found.reason });
  return value;
};
