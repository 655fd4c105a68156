import { sql, type SQL } from 'drizzle-orm';
import { searchable } from '@/db/schema/sql-functions';

// Shorter queries return nothing (not an error): one character would match almost everything.
export const SEARCH_QUERY_MIN_LENGTH = 2;
export const SEARCH_QUERY_MAX_LENGTH = 200;

// Phone numbers are stored in E.164 (+5215512345678); agents type them with spaces, dashes, dots
// and parentheses. Fewer than 3 digits would match most phone numbers of a country.
const PHONE_FORMATTING = /[\s\-.()]/gu;
const PHONE_QUERY = /^\+?\d{3,}$/u;

export type SearchQuery = {
  // The trimmed query with runs of whitespace made one space: the phrase searched for.
  text: string;
  // f_unaccent(lower(q)): the query normalised exactly as the indexed expressions are.
  needle: SQL;
  // `'%' || needle || '%'` with LIKE's wildcards escaped, for `searchable(col) ILIKE …`.
  foldedPattern: SQL;
  // The same over lower(q) only, for `lower(email) ILIKE …` (the email index has no unaccent).
  lowerPattern: SQL;
  // Two-character queries have no trigram to look up: they use the full-text index as a word
  // prefix instead ('ab':*), or null when the query is not two letters or digits.
  wordPrefix: SQL | null;
  // The query as a partial phone number (digits, maybe a leading +), or null if it is not one.
  phone: string | null;
};

// '%' || escaped || '%'. Escaping happens in SQL, after normalising, because unaccent turns some
// characters INTO wildcards ('％' fullwidth percent becomes '%', '＿' becomes '_').
const containing = (normalised: SQL): SQL =>
  sql`'%' || replace(replace(replace(${normalised}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;

// The user's query, parsed once for both searches (messages and contacts), or null when it is too
// short to search. The text only ever reaches SQL as a bound parameter.
export const toSearchQuery = (q: string): SearchQuery | null => {
  const text = q.trim().replace(/\s+/gu, ' ');
  if ([...text].length < SEARCH_QUERY_MIN_LENGTH) return null;
  const needle = searchable(sql`${text}::text`);
  const phone = text.replace(PHONE_FORMATTING, '');
  return {
    text,
    needle,
    foldedPattern: containing(needle),
    lowerPattern: containing(sql`lower(${text}::text)`),
    // quote_literal makes the normalised letters one quoted lexeme, so no character of the query can
    // act as tsquery syntax (unaccent may still produce an apostrophe, as for 'ŉ').
    wordPrefix: /^[\p{L}\p{Nd}]{2}$/u.test(text) ? sql`to_tsquery('simple', quote_literal(${needle}) || ':*')` : null,
    phone: PHONE_QUERY.test(phone) ? phone : null,
  };
};
