import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

// Databases a test run creates on a real server are all named `bandeja_test_<run>_…`, so teardown can find
// every one of them, including those a crashed worker left behind.
export const newRunPrefix = () => `bandeja_test_${randomBytes(4).toString('hex')}_`;

export const newDatabaseName = (prefix: string) => `${prefix}${randomBytes(5).toString('hex')}`;

// The same server URL pointed at another database (credentials, host and query parameters kept).
export const databaseUrl = (serverUrl: string, database: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

// Names are generated above, never user input; quoting still keeps them exact.
const quoteIdentifier = (name: string) => {
  if (!/^[a-z0-9_]{1,63}$/.test(name)) throw new Error(`Refusing unexpected test database name: ${name}`);
  return `"${name}"`;
};

// Runs statements on the maintenance connection (the database DATABASE_URL names) and closes it.
const withAdmin = async <T>(adminUrl: string, work: (sql: postgres.Sql) => Promise<T>): Promise<T> => {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
};

export const createDatabase = (adminUrl: string, name: string, template?: string) =>
  withAdmin(adminUrl, async (sql) => {
    const from = template ? ` TEMPLATE ${quoteIdentifier(template)}` : '';
    await sql.unsafe(`CREATE DATABASE ${quoteIdentifier(name)}${from}`);
  });

// FORCE ends connections a test left open (PostgreSQL 13+).
export const dropDatabase = (adminUrl: string, name: string) =>
  withAdmin(adminUrl, async (sql) => {
    await sql.unsafe(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
  });

// Drops every database whose name starts with the run's prefix; returns their names.
export const dropDatabasesWithPrefix = (adminUrl: string, prefix: string) =>
  withAdmin(adminUrl, async (sql) => {
    const rows = await sql<{ datname: string }[]>`select datname from pg_database where starts_with(datname, ${prefix})`;
    for (const { datname } of rows) await sql.unsafe(`DROP DATABASE IF EXISTS ${quoteIdentifier(datname)} WITH (FORCE)`);
    return rows.map((row) => row.datname);
  });
