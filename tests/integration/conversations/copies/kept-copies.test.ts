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

  it('a conversation created while its contact is being renamed gets the new name', async () => {
    const { accountId, inboxId } = await setupAccount(db());
    const contact = await createContact(db(), { accountId, name: 'Luis' });
    let created = 0;
    await Promise.all([
      db().transaction(async (tx) => {
        await tx.update(contacts).set({ name: 'Luisa' }).where(eq(contacts.id, contact.id));
        await pause(150);
      }),
      pause(40).then(async () => {
        created = (await createConversation(db(), { accountId, inboxId, contactId: contact.id })).id;
      }),
    ]);
    expect((await copiesOf(db(), created)).contactSearchName).toBe('luisa');
  });
});
