import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Db } from '@/db/client';
import * as schema from '@/db/schema';

// A drizzle database whose driver calls are recorded: each statement the domain sends, with its
// parameters, driver options and when it was issued and answered. The same statements can then be
// replayed bare through the same postgres.js client, with the same concurrency, to see what the
// domain adds on top of the SQL (query building, zod, row mapping, its own JavaScript).

export type Statement = {
  text: string;
  params: unknown[];
  options: postgres.UnsafeQueryOptions | undefined;
  issuedAt: number;
  answeredAt: number;
};

export type TracedDatabase = {
  db: Db;
  sql: postgres.Sql;
  // Runs `work` and returns the statements it sent, in the order they were issued.
  record: <T>(work: () => Promise<T>) => Promise<{ result: T; statements: Statement[] }>;
  // Sends the recorded statements again, bare: a statement issued while an earlier one was still
  // running runs alongside it (Promise.all), one issued after an answer waits for that answer.
  replay: (statements: Statement[]) => Promise<void>;
  close: () => Promise<void>;
};

// Groups statements into waves: a statement joins the current wave when it was issued before any
// statement of that wave was answered (so it could not have depended on one of their results).
export const wavesOf = (statements: Statement[]): Statement[][] => {
  const waves: Statement[][] = [];
  let wave: Statement[] = [];
  let firstAnswer = Number.POSITIVE_INFINITY;
  for (const statement of [...statements].sort((a, b) => a.issuedAt - b.issuedAt)) {
    if (wave.length > 0 && statement.issuedAt >= firstAnswer) {
      waves.push(wave);
      wave = [];
      firstAnswer = Number.POSITIVE_INFINITY;
    }
    wave.push(statement);
    firstAnswer = Math.min(firstAnswer, statement.answeredAt);
  }
  if (wave.length > 0) waves.push(wave);
  return waves;
};

// Opens the traced database on its own postgres.js pool (the app's default size: 10). `settings` are
// session settings for every connection (e.g. { jit: 'off' }), sent at connect time.
export const openTracedDatabase = (url: string, options: { max?: number; settings?: Record<string, string> } = {}): TracedDatabase => {
  const sql = postgres(url, { max: options.max ?? 10, onnotice: () => {}, connection: options.settings ?? {} });
  let recording: Statement[] | null = null;

  // drizzle calls `client.unsafe(text, params, options)` and awaits it, or its `.values()`.
  const unsafe = (text: string, params?: unknown[], queryOptions?: postgres.UnsafeQueryOptions) => {
    const pending = sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], queryOptions);
    const statement: Statement = { text, params: params ?? [], options: queryOptions, issuedAt: performance.now(), answeredAt: Number.NaN };
    recording?.push(statement);
    const answered = <T>(promise: Promise<T>) =>
      promise.finally(() => {
        statement.answeredAt = performance.now();
      });
    return {
      values: () => answered(pending.values()),
      then: <A, B>(resolve?: (value: unknown) => A, reject?: (reason: unknown) => B) => answered(pending).then(resolve, reject),
    };
  };
  const client = new Proxy(sql, { get: (target, property, receiver) => (property === 'unsafe' ? unsafe : Reflect.get(target, property, receiver)) });
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;

  return {
    db,
    sql,
    record: async (work) => {
      recording = [];
      try {
        const result = await work();
        return { result, statements: recording };
      } finally {
        recording = null;
      }
    },
    replay: async (statements) => {
      for (const wave of wavesOf(statements)) {
        await Promise.all(wave.map((statement) => sql.unsafe(statement.text, statement.params as postgres.ParameterOrJSON<never>[], statement.options).values()));
      }
    },
    close: () => sql.end({ timeout: 5 }),
  };
};
