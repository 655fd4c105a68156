import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../db/seed';
import { writeDemoFiles } from '../db/seed/demo-files';
import { getStorage } from '../lib/storage/storage';

// `npm run db:seed`: migrates the configured database, then adds the demo workspace unless it is
// already there.
const database = await openDatabase();
try {
  await migrateDatabase(database);
  const started = performance.now();
  const { seeded } = await seedDemo(database.db);
  if (!seeded) {
    console.log(`bandeja: the demo account already exists in the ${database.engine} database; nothing to do`);
  } else {
    const counts = await database.db.execute<{ conversations: number; messages: number; contacts: number }>(sql`
      select (select count(*)::int from conversations) as conversations,
             (select count(*)::int from messages) as messages,
             (select count(*)::int from contacts) as contacts`);
    const row = (Array.isArray(counts) ? counts[0] : (counts as unknown as { rows: unknown[] }).rows[0]) as Record<string, number>;
    console.log(
      `bandeja: demo data seeded in the ${database.engine} database in ${Math.round(performance.now() - started)} ms ` +
        `(${row.contacts} contacts, ${row.conversations} conversations, ${row.messages} messages)`,
    );
    console.log(`bandeja: sign in as any of these, password "${DEMO_PASSWORD}":`);
    for (const user of Object.values(DEMO_USERS)) console.log(`  ${user.email.padEnd(24)} ${user.name} (${user.role}, ${user.locale})`);
  }
  // Demo attachments get small real files (idempotent: existing ones are kept).
  await writeDemoFiles(database.db, getStorage());
} finally {
  await database.close();
}
