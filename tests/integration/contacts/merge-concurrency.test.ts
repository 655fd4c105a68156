import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contactInboxes, contacts, conversations, messages } from '@/db/schema';
import { mergeContacts } from '@/lib/domain/contacts/merge-contacts';
import type { Db } from '@/db/client';
import { useTestDatabase } from '../../helpers/db';
import { createMessage } from '../../helpers/factories';
import { createContactInbox, createContactsWorld } from '../../helpers/contacts-factories';

// Its own file (its own database). On PostgreSQL (DATABASE_URL) the two merges run on two
// connections and really race; PGlite has one connection and runs them one after the other.
const database = useTestDatabase();

// Two duplicates with three conversations each, messages and channel links.
const pair = async (db: Db) => {
  const world = await createContactsWorld(db);
  const [first, second] = [await world.contact({ name: 'Ana' }), await world.contact({ name: 'Ana L.', phone: '+525599990000' })];
  const conversationIds: number[] = [];
  for (const contact of [first, second]) {
    for (const inbox of [world.support, world.sales, world.api]) {
      const conversation = await world.conversation(contact.id, inbox.id);
      conversationIds.push(conversation.id);
      await createMessage(db, { conversationId: conversation.id, content: `Hola desde ${inbox.id}` });
      await createMessage(db, { conversationId: conversation.id, messageType: 'outgoing', senderId: world.admin.id, content: 'Hola' });
    }
    await createContactInbox(db, { contactId: contact.id, inboxId: world.api.id });
  }
  return { world, first, second, conversationIds };
};

const state = async (db: Db, contactIds: number[], conversationIds: number[]) => {
  const remaining = await db.select({ id: contacts.id, phone: contacts.phone }).from(contacts).where(inArray(contacts.id, contactIds));
  const owners = await db.selectDistinct({ contactId: conversations.contactId }).from(conversations).where(inArray(conversations.id, conversationIds));
  const [{ written }] = await db
    .select({ written: sql<number>`count(*)::int` })
    .from(messages)
    .where(and(inArray(messages.conversationId, conversationIds), sql`${messages.messageType} <> 'activity'`));
  const activity = await db
    .select({ conversationId: messages.conversationId, n: sql<number>`count(*)::int` })
    .from(messages)
    .where(and(inArray(messages.conversationId, conversationIds), eq(messages.messageType, 'activity')))
    .groupBy(messages.conversationId);
  const links = await db.select({ contactId: contactInboxes.contactId }).from(contactInboxes).where(inArray(contactInboxes.contactId, contactIds));
  return { remaining, owners: owners.map((row) => row.contactId), written, activity, links };
};

describe('mergeContacts run twice at once', () => {
  it('the same pair merged by two agents at once: exactly one merge happens, the other is NOT_FOUND, nothing is corrupted', async () => {
    const { db } = database();
    const { world, first, second, conversationIds } = await pair(db);
    const [laura, otra] = [await world.ctxOf(world.admin), (await world.member({ role: 'administrator' })).ctx];

    const results = await Promise.allSettled([
      mergeContacts(laura, { primaryId: first.id, secondaryId: second.id }),
      mergeContacts(otra, { primaryId: first.id, secondaryId: second.id }),
    ]);

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const failed = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect(failed[0].reason).toMatchObject({ code: 'NOT_FOUND', details: { entity: 'contact' } });

    const after = await state(db, [first.id, second.id], conversationIds);
    expect(after.remaining).toEqual([{ id: first.id, phone: '+525599990000' }]);
    expect(after.owners).toEqual([first.id]);
    expect(after.written).toBe(12);
    // One activity line in each of the three moved conversations, not two.
    expect(after.activity.map((row) => row.n)).toEqual([1, 1, 1]);
    expect(after.links.map((link) => link.contactId)).toEqual([first.id, first.id]);
  });

  it('the pair merged both ways at once (A into B and B into A): one contact remains with everything', async () => {
    const { db } = database();
    const { world, first, second, conversationIds } = await pair(db);
    const [laura, otra] = [await world.ctxOf(world.admin), (await world.member({ role: 'administrator' })).ctx];

    const results = await Promise.allSettled([
      mergeContacts(laura, { primaryId: first.id, secondaryId: second.id }),
      mergeContacts(otra, { primaryId: second.id, secondaryId: first.id }),
    ]);

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'NOT_FOUND' } });
    const after = await state(db, [first.id, second.id], conversationIds);
    expect(after.remaining).toHaveLength(1);
    const survivor = after.remaining[0].id;
    expect(after.owners).toEqual([survivor]);
    expect(after.written).toBe(12);
    expect(after.activity).toHaveLength(3);
    expect(after.links.map((link) => link.contactId)).toEqual([survivor, survivor]);
  });
});
