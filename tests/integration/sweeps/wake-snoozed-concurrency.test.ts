import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { conversations, messages } from '@/db/schema';
import { wakeSnoozedConversations } from '@/lib/domain/sweeps/wake-snoozed';
import { useTestDatabase } from '../../helpers/db';
import { createAccount, createContact, createInbox } from '../../helpers/factories';

// Its own file (its own database): the counts below are of every conversation the sweeps see.
const database = useTestDatabase();

const silent = { publish: async () => {}, endUserConnections: async () => {} };

describe('wakeSnoozedConversations with several app instances', () => {
  it('two sweeps running at once wake each due conversation exactly once, in batches, one activity message each', async () => {
    const { db } = database();
    const account = await createAccount(db);
    const inbox = await createInbox(db, { accountId: account.id });
    const contact = await createContact(db, { accountId: account.id });
    const until = new Date('2030-01-06T08:00:00Z');
    // More than two batches of 200, all due at once ("until Monday 09:00").
    const due = await db
      .insert(conversations)
      .values(
        Array.from({ length: 450 }, (_, index) => ({
          accountId: account.id,
          inboxId: inbox.id,
          contactId: contact.id,
          displayId: index + 1,
          status: 'snoozed' as const,
          snoozedUntil: new Date(until.getTime() - index * 1000),
        })),
      )
      .returning({ id: conversations.id });
    const ids = due.map((row) => row.id);
    const now = new Date('2030-01-06T08:00:10Z');

    // On PostgreSQL these are two connections racing; PGlite has one connection and runs them in turn.
    const [first, second] = await Promise.all([
      wakeSnoozedConversations(db, { now, realtime: silent }),
      wakeSnoozedConversations(db, { now, realtime: silent }),
    ]);

    expect(first.woken + second.woken).toBe(450);
    const stillSnoozed = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(conversations)
      .where(and(inArray(conversations.id, ids), eq(conversations.status, 'snoozed')));
    expect(stillSnoozed[0].count).toBe(0);
    const perConversation = await db
      .select({ conversationId: messages.conversationId, count: sql<number>`count(*)::int` })
      .from(messages)
      .where(and(inArray(messages.conversationId, ids), eq(messages.messageType, 'activity')))
      .groupBy(messages.conversationId);
    expect(perConversation).toHaveLength(450);
    expect(perConversation.every((row) => row.count === 1)).toBe(true);

    // A third run (another instance a minute later) finds nothing to do.
    expect(await wakeSnoozedConversations(db, { now, realtime: silent })).toEqual({ woken: 0 });
  });
});
