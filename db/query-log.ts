// A debug / benchmark mode (BANDEJA_QUERY_LOG=1): every statement the app sends to PostgreSQL is
// recorded, so `npm run bench:http` can count the queries of one request (GET /__bench/queries on
// the app's port returns and clears them; server.ts answers it only in this mode). Off by default:
// nothing is recorded and the route does not exist.
export const queryLogEnabled = () => process.env.BANDEJA_QUERY_LOG === '1';

const globalForLog = globalThis as unknown as { bandejaQueryLog?: string[] };

// postgres.js's `debug` hook: called once per statement sent (connection, text, parameters, types).
export const recordQuery = (_connection: number, text: string) => {
  const log = (globalForLog.bandejaQueryLog ??= []);
  // Bounded: a forgotten debug server must not grow without limit.
  if (log.length < 100_000) log.push(text);
};

// The statements recorded since the last call, oldest first; the log starts empty again.
export const takeQueryLog = (): string[] => {
  const log = globalForLog.bandejaQueryLog ?? [];
  globalForLog.bandejaQueryLog = [];
  return log;
};
