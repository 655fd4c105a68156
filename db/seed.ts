import { sql } from 'drizzle-orm';
import { hashPassword } from '../lib/auth/password';
import type { Db, DbOrTx } from './client';
import { accounts } from './schema';
import { DEMO_ACCOUNT_MARKER, DEMO_PASSWORD } from './seed/catalog';
import { createContactGenerator, writeContacts } from './seed/contacts';
import { createConversationGenerator } from './seed/conversations';
import { writeExtras } from './seed/extras';
import { createRng, deriveSeed } from './seed/prng';
import type { DemoSizes } from './seed/types';
import { writeConversations } from './seed/write-conversations';
import { writeWorkspace } from './seed/workspace';

export { DEMO_ACCOUNT_NAME, DEMO_PASSWORD, DEMO_USERS } from './seed/catalog';
export type { DemoSizes } from './seed/types';

export const DEMO_SIZES: DemoSizes = { contacts: 40, conversations: 150 };
// The fixed seed: the same demo on every machine.
export const DEMO_SEED = 20_240_611;
// An arbitrary constant: the advisory lock that keeps two app instances from seeding at once.
const SEED_LOCK = 7_243_002;
// Conversations are generated and written this many at a time, so large sizes stream.
const BATCH = 1_000;

export type SeedDemoOptions = {
  // Every timestamp is relative to this (default: the current time).
  now?: Date;
  // Defaults to DEMO_SIZES; a benchmark can ask for far more.
  sizes?: Partial<DemoSizes>;
  seed?: number;
};

const demoAccountExists = async (db: DbOrTx) => {
  const rows = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(sql`${accounts.settings} @> ${JSON.stringify(DEMO_ACCOUNT_MARKER)}::jsonb`)
    .limit(1);
  return rows.length > 0;
};

// Fills the database with the demo workspace "Demo Bandeja": people, teams, inboxes, labels, contacts
// and conversations with believable Spanish messages. Does nothing when the demo account exists.
// All of it is written in one transaction.
export const seedDemo = async (db: Db, options: SeedDemoOptions = {}): Promise<{ seeded: boolean }> => {
  if (await demoAccountExists(db)) return { seeded: false };
  const now = options.now ?? new Date();
  const sizes = { ...DEMO_SIZES, ...options.sizes };
  const seed = options.seed ?? DEMO_SEED;
  // One slow argon2 hash, shared by every demo user, computed before the transaction opens.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (await demoAccountExists(tx)) return { seeded: false };

    const refs = await writeWorkspace(tx, createRng(deriveSeed(seed, 0)), passwordHash, now);
    const nextContact = createContactGenerator(createRng(deriveSeed(seed, 1)), now);
    const contactPlans = Array.from({ length: sizes.contacts }, (_, index) => nextContact(index));
    const contacts = await writeContacts(tx, refs, contactPlans);

    const nextConversation = createConversationGenerator(seed, contactPlans, sizes.conversations, now);
    for (let start = 0; start < sizes.conversations; start += BATCH) {
      const end = Math.min(sizes.conversations, start + BATCH);
      const plans = Array.from({ length: end - start }, (_, i) => nextConversation(start + i));
      await writeConversations(tx, refs, contacts, plans);
    }

    await tx.execute(sql`update accounts set last_conversation_display_id = ${sizes.conversations} where id = ${refs.accountId}`);
    await tx.execute(sql`
      update contacts set last_activity_at = latest.at
      from (select contact_id, max(last_activity_at) as at from conversations where account_id = ${refs.accountId} group by contact_id) latest
      where contacts.id = latest.contact_id`);
    await writeExtras(tx, refs, now);
    return { seeded: true };
  });
};
