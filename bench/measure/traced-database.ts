import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { postgresSessionSettings, type Db } from '@/db/client';
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
  // Sends the recorded statements again, bare, with the same concurrency (replayStatements).
  replay: (statements: Statement[]) => Promise<void>;
  close: () => Promise<void>;
};

// Groups statements into waves (for the report): a statement joins the current wave when it was
// issued before any statement of that wave was answered.
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

// Replays statements bare with the domain's concurrency: each one starts as soon as every statement
// answered before the domain issued it (all it could have depended on) has been answered again, so
// independent chains (countViews' four counts, one of them after a lookup) overlap as they did.
export const replayStatements = async (sql: postgres.Sql, statements: Statement[]): Promise<void> => {
  const ordered = [...statements].sort((a, b) => a.issuedAt - b.issuedAt);
  const done: Array<Promise<unknown>> = [];
  for (const statement of ordered) {
    const before = ordered.flatMap((other, index) => (other.answeredAt <= statement.issuedAt ? [done[index]!] : []));
    const run = async () => {
      await Promise.all(before);
      await sql.unsafe(statement.text, statement.params as postgres.ParameterOrJSON<never>[], statement.options).values();
    };
    done.push(run());
  }
  await Promise.all(done);
};

// Opens the traced database on its own postgres.js pool (the app's default size: 10) with the app's
// session settings (db/client.ts). `settings` add or override some for every connection (e.g.
// { jit: 'on' }), sent at connect time.
export const openTracedDatabase = (url: string, options: { max?: number; settings?: Record<string, string> } = {}): TracedDatabase => {
  const connection = { ...postgresSessionSettings, ...options.settings };
  const sql = postgres(url, { max: options.max ?? 10, onnotice: () => {}, connection });
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
    replay: (statements) => replayStatements(sql, statements),
    close: () => sql.end({ timeout: 5 }),
  };
};
