import { asc, desc, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { conversations, mentions, priorityEnum } from '@/db/schema';
import type { TListSort, TListView } from './list-query';

// Keyset pagination for the list (L3): each sort order ends with the conversation id, so the order is
// total and a page boundary falls between two rows, never inside a group of equal timestamps. The
// cursor is the last row's sort key + id, base64url JSON. A cursor that does not decode, does not
// validate, or belongs to another sort order is ignored: the first page is shown, never an error.
//
// Timestamps travel as UTC text with microseconds, read by PostgreSQL itself (`to_char`): a JS Date
// keeps milliseconds only, and a truncated key would skip the rows between the two precisions.

type KeysetName = 'recent' | 'mentioned' | 'created' | 'priority' | 'waiting';

export type Keyset = {
  name: KeysetName;
  orderBy: SQL[];
  // The row's sort key as JSON text, selected with each row of the page.
  key: SQL<string>;
  // The condition "after the cursor's row"; undefined for the first page or an unusable cursor.
  after: (cursor: string | undefined) => SQL | undefined;
  // The cursor that continues after this row.
  cursorOf: (row: { id: number; key: string }) => string;
};

const ZId = z.number().int().positive().max(2_147_483_647);

// Exactly what `utc()` below produces; checked as a real instant so PostgreSQL never sees an
// out-of-range date (an SQL error would be a 500).
const ZTimestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/)
  .refine((value) => {
    const date = new Date(`${value.slice(0, 23)}Z`);
    return !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1970 && date.toISOString().slice(0, 19) === value.slice(0, 19);
  });
const ZPriority = z.enum(priorityEnum.enumValues);

const ZCursor = z.object({ s: z.string(), k: z.array(z.unknown()).max(3), i: ZId });

const utc = (column: AnyPgColumn): SQL => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const ts = (value: string): SQL => sql`${value}::timestamptz`;
const keyOf = (...parts: SQL[]): SQL<string> => sql<string>`json_build_array(${sql.join(parts, sql`, `)})::text`;

const encode = (name: KeysetName, key: unknown[], id: number): string =>
  Buffer.from(JSON.stringify({ s: name, k: key, i: id }), 'utf8').toString('base64url');

// The key values and id of a cursor of this keyset, or undefined when it is not one.
const decode = <K extends z.ZodType>(cursor: string | undefined, name: KeysetName, keySchema: K): { key: z.output<K>; id: number } | undefined => {
  if (!cursor) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = ZCursor.safeParse(json);
  if (!parsed.success || parsed.data.s !== name) return undefined;
  const key = keySchema.safeParse(parsed.data.k);
  return key.success ? { key: key.data, id: parsed.data.i } : undefined;
};

// A keyset whose every column runs in the same direction, so one row comparison `(a, id) < (x, y)`
// expresses "after" and matches the (…, last_activity_at desc, id desc) indexes.
const timeKeyset = (name: KeysetName, column: AnyPgColumn, direction: 'asc' | 'desc'): Keyset => {
  const keySchema = z.tuple([ZTimestamp]);
  const order = direction === 'asc' ? asc : desc;
  return {
    name,
    orderBy: [order(column), order(conversations.id)],
    key: keyOf(utc(column)),
    after: (cursor) => {
      const at = decode(cursor, name, keySchema);
      if (!at) return undefined;
      return direction === 'asc'
        ? sql`(${column}, ${conversations.id}) > (${ts(at.key[0])}, ${at.id})`
        : sql`(${column}, ${conversations.id}) < (${ts(at.key[0])}, ${at.id})`;
    },
    cursorOf: (row) => encode(name, JSON.parse(row.key) as unknown[], row.id),
  };
};

// "Prioridad": urgent first (the enum is declared most urgent first), then most recent activity.
const priorityKeyset = (): Keyset => {
  const keySchema = z.tuple([ZPriority, ZTimestamp]);
  return {
    name: 'priority',
    orderBy: [asc(conversations.priority), desc(conversations.lastActivityAt), desc(conversations.id)],
    key: keyOf(sql`${conversations.priority}`, utc(conversations.lastActivityAt)),
    after: (cursor) => {
      const at = decode(cursor, 'priority', keySchema);
      if (!at) return undefined;
      const [priority, activity] = at.key;
      return sql`(${conversations.priority} > ${priority}::priority or (${conversations.priority} = ${priority}::priority and (${conversations.lastActivityAt}, ${conversations.id}) < (${ts(activity)}, ${at.id})))`;
    },
    cursorOf: (row) => encode('priority', JSON.parse(row.key) as unknown[], row.id),
  };
};

// Longest-waiting customer first; conversations nobody is waiting on come last, oldest id first.
const waitingKeyset = (): Keyset => {
  const keySchema = z.tuple([ZTimestamp.nullable()]);
  const column = conversations.waitingSince;
  return {
    name: 'waiting',
    orderBy: [sql`${column} asc nulls last`, asc(conversations.id)],
    key: keyOf(utc(column)),
    after: (cursor) => {
      const at = decode(cursor, 'waiting', keySchema);
      if (!at) return undefined;
      const [since] = at.key;
      if (since === null) return sql`(${column} is null and ${conversations.id} > ${at.id})`;
      return sql`(${column} > ${ts(since)} or (${column} = ${ts(since)} and ${conversations.id} > ${at.id}) or ${column} is null)`;
    },
    cursorOf: (row) => encode('waiting', JSON.parse(row.key) as unknown[], row.id),
  };
};

// The keyset of a sort order in a view. "Más reciente" in the mentions view (V2) is newest mention
// first, read from the mentions row joined by every list query.
export const keysetFor = (sort: TListSort, view: Pick<TListView, 'kind'>): Keyset => {
  switch (sort) {
    case 'recent':
      return view.kind === 'mentions'
        ? timeKeyset('mentioned', mentions.mentionedAt, 'desc')
        : timeKeyset('recent', conversations.lastActivityAt, 'desc');
    case 'created':
      return timeKeyset('created', conversations.createdAt, 'asc');
    case 'priority':
      return priorityKeyset();
    case 'waiting':
      return waitingKeyset();
  }
};
