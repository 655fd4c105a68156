import { sql, type SQL } from 'drizzle-orm';

// A LIKE pattern that matches `value` anywhere, with LIKE's wildcards in the value taken literally:
// `%`, `_` and the escape character `\` are escaped IN SQL, after any normalisation of the value
// (unaccent turns a fullwidth ％ into %, so escaping before it would let a wildcard through).
// Use it as `column LIKE containsPattern(...) ESCAPE '\'`.
export const containsPattern = (value: SQL): SQL =>
  sql`'%' || replace(replace(replace(${value}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;
