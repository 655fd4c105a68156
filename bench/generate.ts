import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import { postgresDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { createRng, deriveSeed } from '@/db/seed/prng';
import { DATASET_SEED, sizesFor, type DatasetSizes } from './dataset/catalog';
import { planContacts, writeContacts } from './dataset/contacts';
import { conversationHeader } from './dataset/conversation-header';
import { dropLoadIndexes, restoreLoadIndexes } from './dataset/load-ddl';
import { isCurrent, markCompleted, markStarted, readMarker, type DatasetMarker } from './dataset/marker';
import { planWorkspace, writeWorkspace } from './dataset/workspace';
import { writeConversations } from './dataset/write-conversations';

// `npm run bench` step 1 (also runnable alone: `node --import tsx bench/generate.ts [--regenerate]`):
// makes sure the benchmark database holds the complete dataset: 1 account, 50 people, 10 inboxes,
// 30 labels, 5 teams, 100k contacts, 200k conversations, ~2M messages. Deterministic (fixed seed and
// clock), loaded with COPY into index-less tables, then indexed, vacuumed and analysed. A marker row
// makes the next run reuse it.

export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/bandeja_bench';

export const benchDatabaseUrl = (): string => process.env.DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;

// The issue's sizes, or a fraction of them with BENCH_SCALE (e.g. 0.05) for a quick try.
export const benchSizes = (): DatasetSizes => {
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  if (!(scale > 0 && scale <= 1)) throw new Error('bench: BENCH_SCALE must be a number in (0, 1]');
  return sizesFor(scale);
};

// Tables the bulk load fills; their secondary indexes and foreign keys are rebuilt after it.
const LOADED_TABLES = [
  'accounts', 'users', 'account_users', 'inboxes', 'inbox_members', 'teams', 'team_members', 'labels', 'custom_attribute_definitions',
  'saved_views', 'contacts', 'contact_inboxes', 'contact_labels', 'conversations', 'messages', 'conversation_labels',
  'conversation_participants', 'mentions', 'conversation_reads', 'attachments',
] as const;

// Identity columns whose sequences must continue after the explicit ids the generator wrote.
const IDENTITY_TABLES = ['accounts', 'users', 'inboxes', 'teams', 'labels', 'contacts', 'contact_inboxes', 'conversations', 'messages', 'mentions'];

export type EnsureDatasetOptions = { url?: string; regenerate?: boolean; sizes?: DatasetSizes; log?: (line: string) => void };
export type EnsureDatasetResult = { generated: boolean; marker: DatasetMarker };

// CREATE DATABASE when the URL names one that does not exist yet (through the server's `postgres` database).
const createDatabaseIfMissing = async (url: string) => {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z0-9_]{1,63}$/.test(name)) throw new Error(`bench: unexpected database name "${name}"`);
  target.pathname = '/postgres';
  const admin = postgres(target.toString(), { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!exists) await admin`create database ${admin(name)}`;
  } finally {
    await admin.end({ timeout: 5 });
  }
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// The generation proper, into a database that is migrated and either empty or a benchmark database.
const generate = async (sql: postgres.Sql, sizes: DatasetSizes, log: (line: string) => void): Promise<Record<string, number>> => {
  const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    log(`  ${name}: ${seconds(performance.now() - started)}`);
    return result;
  };
  const seed = DATASET_SEED;

  await markStarted(sql, sizes);
  await phase('empty the tables', async () => {
    const tables = await sql<Array<{ tablename: string }>>`
      select tablename from pg_tables where schemaname = 'public' and tablename not like 'bench\\_%'`;
    await sql`truncate table ${sql(tables.map((t) => t.tablename))} restart identity cascade`;
  });
  await phase('drop secondary indexes and foreign keys', () => dropLoadIndexes(sql, LOADED_TABLES));

  const workspace = planWorkspace(createRng(deriveSeed(seed, 0)), sizes);
  await phase('workspace', () => writeWorkspace(sql, createRng(deriveSeed(seed, 4)), workspace));
  const contacts = planContacts(seed, sizes.contacts, workspace);

  // Conversation headers first: contacts are written with their first and last conversation dates.
  const headers = Array.from({ length: sizes.conversations }, (_, index) => conversationHeader(seed, index, sizes.conversations, workspace, contacts));
  const firstSeen = new Float64Array(contacts.length).fill(Number.NaN);
  const lastActivity = new Float64Array(contacts.length).fill(Number.NaN);
  for (const header of headers) {
    const i = header.contactIndex;
    if (!(firstSeen[i]! <= header.createdAt)) firstSeen[i] = header.createdAt;
    if (!(lastActivity[i]! >= header.lastActivityAt)) lastActivity[i] = header.lastActivityAt;
  }
  await phase(`contacts (${contacts.length})`, () => writeContacts(sql, { seed, workspace, contacts, firstSeen, lastActivity }));
  // The copies the triggers of migration 0011 keep on conversations (label_ids, contact_search_name)
  // are written with them, the folded names as PostgreSQL folds them; the triggers would lock every
  // contact and rewrite 80k conversations after the COPY.
  const folded = await sql<Array<{ id: number; searchName: string }>>`select id, search_name as "searchName" from contacts where account_id = ${workspace.accountId}`;
  const contactSearchNames = new Map(folded.map((row) => [row.id, row.searchName]));
  await sql`alter table conversations disable trigger user`;
  await sql`alter table conversation_labels disable trigger user`;
  const counts = await phase(`conversations (${headers.length}) and messages`, () =>
    writeConversations(sql, {
      seed,
      workspace,
      contacts,
      contactSearchNames,
      headers,
      onProgress: (done) => done % 50_000 === 0 && log(`    ${done} conversations`),
    }),
  ).finally(async () => {
    await sql`alter table conversations enable trigger user`;
    await sql`alter table conversation_labels enable trigger user`;
  });

  await sql`update accounts set last_conversation_display_id = ${sizes.conversations} where id = ${workspace.accountId}`;
  for (const table of IDENTITY_TABLES) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), greatest(1, (select coalesce(max(id), 0) from ${sql(table)})))`;
  }
  await phase('rebuild indexes and foreign keys', () => restoreLoadIndexes(sql, { lanes: 2, log }));
  // Sets the visibility map (index-only scans) and the statistics, as autovacuum would in production.
  await phase('vacuum analyze', () => sql`vacuum (analyze)`.then(() => undefined));
  return { contacts: contacts.length, ...counts };
};

// Reuses the dataset when the marker says it is complete and current; otherwise (or with
// `regenerate`) builds it. Refuses to touch a database holding data the benchmark did not make.
export const ensureDataset = async (options: EnsureDatasetOptions = {}): Promise<EnsureDatasetResult> => {
  const url = options.url ?? benchDatabaseUrl();
  const log = options.log ?? console.log;
  const sizes = options.sizes ?? benchSizes();
  await createDatabaseIfMissing(url);
  const database = await postgresDatabase(url, { max: 1 });
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }

  const sql = postgres(url, { max: 10, onnotice: () => {} });
  try {
    // Repairs a load that died after dropping the indexes (a no-op otherwise).
    await restoreLoadIndexes(sql, { log });
    const marker = await readMarker(sql);
    if (!options.regenerate && isCurrent(marker, sizes)) {
      // A migration that rewrites a table (0010 adds a stored column to messages) leaves its visibility
      // map empty, and every index-only scan then reads the table (bench/README.md, finding 18).
      // Autovacuum would set it in time; a plain VACUUM does now, in a second or two when nothing changed.
      await sql`vacuum`;
      log(`bench: reusing the dataset generated on ${marker!.completedAt} (${seconds(marker!.generationMs ?? 0)}); --regenerate rebuilds it`);
      return { generated: false, marker: marker! };
    }
    if (!marker) {
      const [other] = await sql`select 1 from accounts limit 1`;
      if (other) throw new Error(`bench: ${new URL(url).pathname.slice(1)} holds data the benchmark did not generate; point DATABASE_URL at an empty database`);
    }
    log(`bench: generating the dataset into ${new URL(url).pathname.slice(1)} (seed ${DATASET_SEED})`);
    const started = performance.now();
    const counts = await generate(sql, sizes, log);
    const elapsed = performance.now() - started;
    await markCompleted(sql, elapsed, counts);
    log(`bench: dataset generated in ${seconds(elapsed)}: ${Object.entries(counts).map(([key, value]) => `${value} ${key}`).join(', ')}`);
    return { generated: true, marker: (await readMarker(sql))! };
  } finally {
    await sql.end({ timeout: 5 });
  }
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await ensureDataset({ regenerate: process.argv.includes('--regenerate') });
}
