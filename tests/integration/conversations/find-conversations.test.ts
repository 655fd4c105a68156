import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { contacts, conversations, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { findConversations } from '@/lib/domain/conversations/find-conversations';
import { actorFor, ctxFor } from '../../helpers/factories';
import { useTestDatabase } from '../../helpers/db';

const database = useTestDatabase();
const now = new Date('2025-06-10T15:00:00Z');

beforeAll(async () => {
  await seedDemo(database().db, { now });
});

const ctxOf = async (email: string) => {
  const { db } = database();
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const [any] = await db.select().from(conversations).limit(1);
  return ctxFor(db, await actorFor(db, user.id, any.accountId), { now });
};

// The command palette's finder: "#number" or a contact's name, only within the agent's inboxes.
describe('findConversations', () => {
  it('finds a conversation by "#number" and by contact name, accents and case aside', async () => {
    const { db } = database();
    const ctx = await ctxOf('admin@bandeja.test');
    const [row] = await db.select({ id: conversations.id, displayId: conversations.displayId, name: contacts.name }).from(conversations).innerJoin(contacts, eq(contacts.id, conversations.contactId)).limit(1);

    expect((await findConversations(ctx, { query: `#${row.displayId}` })).map((found) => found.id)).toEqual([row.id]);
    expect((await findConversations(ctx, { query: String(row.displayId) })).map((found) => found.id)).toEqual([row.id]);
    const byName = await findConversations(ctx, { query: row.name.split(' ')[0].toUpperCase().normalize('NFD').replace(/\p{Diacritic}/gu, '') });
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.length).toBeLessThanOrEqual(8);
    expect(byName.some((found) => found.contactName === row.name)).toBe(true);
  });

  it('never finds a conversation of an inbox the agent is not in, and ignores junk', async () => {
    const { db } = database();
    const all = await db.select().from(conversations);
    // The demo agent left out of some inbox.
    const agents = await Promise.all(['carlos', 'sofia', 'diego', 'valeria'].map((name) => ctxOf(`${name}@bandeja.test`)));
    const ctx = agents.find((agent) => all.some((conversation) => !agent.actor.inboxIds.includes(conversation.inboxId)))!;
    const hidden = all.filter((conversation) => !ctx.actor.inboxIds.includes(conversation.inboxId));
    expect(hidden.length).toBeGreaterThan(0);
    expect(await findConversations(ctx, { query: `#${hidden[0].displayId}` })).toEqual([]);
    expect(await findConversations(ctx, { query: '   ' })).toEqual([]);
    expect(await findConversations(ctx, { query: 'x'.repeat(500) })).toEqual([]);
  });
});
