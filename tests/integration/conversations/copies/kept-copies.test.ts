import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { contacts, conversationLabels, conversations } from '@/db/schema';
import { mergeContacts } from '@/lib/domain/contacts/merge-contacts';
import { updateContact } from '@/lib/domain/contacts/update-contact';
import { addLabels } from '@/lib/domain/conversations/actions/add-labels';
import { bulkUpdate } from '@/lib/domain/conversations/actions/bulk-update';
import { removeLabels } from '@/lib/domain/conversations/actions/remove-labels';
import { deleteLabel } from '@/lib/domain/labels/delete-label';
import { useTestDatabase } from '@/tests/helpers/db';
import { createContact, createConversation } from '@/tests/helpers/factories';
import { createLabel, labelConversation, setupAccount } from '@/tests/helpers/list-factories';

// conversations.label_ids and conversations.contact_search_name are copies that only triggers write
// (migration 0011); the filter panel reads them. Every path that changes their source must move them.

const database = useTestDatabase();
const db = () => database().db;

const copiesOf = async (dbOrTx: Db, conversationId: number) => {
  const [row] = await dbOrTx
    .select({ labelIds: conversations.labelIds, contactSearchName: conversations.contactSearchName })
    .from(conversations)
    .where(eq(conversations.id, conversationId));
  return row;
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('conversations.label_ids', () => {
  it('follows labels added and removed (one conversation, in bulk), sorted, and a deleted label', async () => {
    const { accountId, inboxId, ctx } = await setupAccount(db());
    const [vip, urgent, billing] = [await createLabel(db(), { accountId }), await createLabel(db(), { accountId }), await createLabel(db(), { accountId })];
    const one = await createConversation(db(), { accountId, inboxId });
    const two = await createConversation(db(), { accountId, inboxId });
    expect((await copiesOf(db(), one.id)).labelIds).toEqual([]);

    await addLabels(ctx, { conversationId: one.id, labelIds: [billing.id, vip.id] });
    expect((await copiesOf(db(), one.id)).labelIds).toEqual([vip.id, billing.id].sort((a, b) => a - b));

    await bulkUpdate(ctx, { conversationIds: [one.id, two.id], change: { kind: 'add_labels', labelIds: [urgent.id] } });
    expect((await copiesOf(db(), one.id)).labelIds).toEqual([vip.id, urgent.id, billing.id].sort((a, b) => a - b));
    expect((await copiesOf(db(), two.id)).labelIds).toEqual([urgent.id]);

    await removeLabels(ctx, { conversationId: one.id, labelIds: [vip.id] });
    expect((await copiesOf(db(), one.id)).labelIds).toEqual([urgent.id, billing.id].sort((a, b) => a - b));

    await deleteLabel(ctx, { labelId: urgent.id });
    expect((await copiesOf(db(), one.id)).labelIds).toEqual([billing.id]);
    expect((await copiesOf(db(), two.id)).labelIds).toEqual([]);
  });

  it('keeps both labels when two transactions label one conversation at the same time', async () => {
    const { accountId, inboxId } = await setupAccount(db());
    const [first, second] = [await createLabel(db(), { accountId }), await createLabel(db(), { accountId })];
    const conversation = await createConversation(db(), { accountId, inboxId });

    // The first transaction holds its change open while the second one starts: on PostgreSQL the
    // second waits for the first and must then see its label (without the trigger's lock it would
    // compute the list from a snapshot taken before the first committed and drop that label).
    await Promise.all([
      db().transaction(async (tx) => {
        await tx.insert(conversationLabels).values({ conversationId: conversation.id, labelId: first.id });
        await pause(150);
      }),
      pause(40).then(() => db().transaction(async (tx) => tx.insert(conversationLabels).values({ conversationId: conversation.id, labelId: second.id }))),
    ]);

    expect((await copiesOf(db(), conversation.id)).labelIds).toEqual([first.id, second.id].sort((a, b) => a - b));
  });

  it('is what conversation_labels says for every conversation after direct inserts', async () => {
    const { accountId, inboxId } = await setupAccount(db());
    const label = await createLabel(db(), { accountId });
    const conversation = await createConversation(db(), { accountId, inboxId });
    await labelConversation(db(), conversation.id, label.id);
    expect((await copiesOf(db(), conversation.id)).labelIds).toEqual([label.id]);
  });
});

describe('conversations.contact_search_name', () => {
  it('is the contact’s folded name from creation, after a rename, and after a merge moves the conversation', async () => {
    const { accountId, inboxId, ctx } = await setupAccount(db());
    const ana = await createContact(db(), { accountId, name: 'Ana Núñez' });
    const pedro = await createContact(db(), { accountId, name: 'PEDRO Gómez' });
    const anas = await createConversation(db(), { accountId, inboxId, contactId: ana.id });
    const pedros = await createConversation(db(), { accountId, inboxId, contactId: pedro.id });
    expect((await copiesOf(db(), anas.id)).contactSearchName).toBe('ana nunez');
    expect((await copiesOf(db(), pedros.id)).contactSearchName).toBe('pedro gomez');

    await updateContact(ctx, { contactId: ana.id, name: 'Ána María Núñez' });
    expect((await copiesOf(db(), anas.id)).contactSearchName).toBe('ana maria nunez');

    await mergeContacts(ctx, { primaryId: ana.id, secondaryId: pedro.id });
    expect((await copiesOf(db(), pedros.id)).contactSearchName).toBe('ana maria nunez');
  });

  // The inbound path locks a conversation, then touches its contact (last activity); a rename locks
  // the contact, then copies the name to its conversations. Neither may deadlock the other: the
  // rename skips a conversation locked at that moment, which takes the name at its next change.
  it('a rename while a customer message is being stored neither deadlocks nor stays stale past the next change', async () => {
    const { accountId, inboxId } = await setupAccount(db());
    const contact = await createContact(db(), { accountId, name: 'Luis' });
    const busy = await createConversation(db(), { accountId, inboxId, contactId: contact.id });
    const idle = await createConversation(db(), { accountId, inboxId, contactId: contact.id });

    await Promise.all([
      db().transaction(async (tx) => {
        await tx.update(conversations).set({ lastActivityAt: new Date() }).where(eq(conversations.id, busy.id));
        await pause(120);
        await tx.update(contacts).set({ lastActivityAt: new Date() }).where(eq(contacts.id, contact.id));
      }),
      pause(40).then(() => db().transaction(async (tx) => tx.update(contacts).set({ name: 'Luisa' }).where(eq(contacts.id, contact.id)))),
    ]);

    expect((await copiesOf(db(), idle.id)).contactSearchName).toBe('luisa');
    await db().update(conversations).set({ lastActivityAt: new Date() }).where(eq(conversations.id, busy.id));
    expect((await copiesOf(db(), busy.id)).contactSearchName).toBe('luisa');
  });

  it('two conversations of one contact created at once, each then touching the contact, do not deadlock', async () => {
    const { accountId, inboxId } = await setupAccount(db());
    const contact = await createContact(db(), { accountId, name: 'Marta' });
    const open = (delay: number) =>
      pause(delay).then(() =>
        db().transaction(async (tx) => {
          // Inserted directly: the factory's display-id counter would serialise the two transactions.
          await tx.insert(conversations).values({ accountId, inboxId, contactId: contact.id, displayId: 9_000 + delay });
          await pause(100);
          await tx.update(contacts).set({ lastActivityAt: new Date() }).where(eq(contacts.id, contact.id));
        }),
      );
    await Promise.all([open(0), open(30)]);
    const names = await db().select({ name: conversations.contactSearchName }).from(conversations).where(eq(conversations.contactId, contact.id));
    expect(names.map((row) => row.name)).toEqual(['marta', 'marta']);
  });
});
