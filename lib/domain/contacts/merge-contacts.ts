import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { contactInboxes, contactLabels, contacts, conversations, messages, type Contact } from '@/db/schema';
import { writeActorActivity } from '../activity/write-activity';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { inboxChannel } from '../events/inbox-channel';
import { publishAfterCommit, type RealtimeEvent } from '../events/publish';
import { avatarKeyOf } from './avatar-location';
import { contactEvents } from './contact-events';
import { contactFootprint, type ContactFootprint } from './contact-footprint';
import { contactScope } from './contact-scope';
import { getContact, type ContactCard } from './get-contact';
import { parseMergeInput, type TMergeContactsInput } from './merge-input';
import { planContactMerge } from './plan-contact-merge';

export type MergeContactsResult = { contact: ContactCard; moved: Omit<ContactFootprint, 'attachments'> };

// Both contacts, locked in id order: two merges of the same pair (or of the pair both ways) queue
// here, and the second one, once the first has committed, no longer finds the secondary.
const lockPair = async (tx: Tx, ctx: Ctx, primaryId: number, secondaryId: number): Promise<{ primary: Contact; secondary: Contact }> => {
  const locked = await tx
    .select()
    .from(contacts)
    .where(and(inArray(contacts.id, [primaryId, secondaryId]), contactScope(ctx.actor)))
    .orderBy(asc(contacts.id))
    .for('update');
  const primary = locked.find((row) => row.id === primaryId);
  const secondary = locked.find((row) => row.id === secondaryId);
  if (!primary || !secondary) throw new DomainError('NOT_FOUND', { entity: 'contact' });
  return { primary, secondary };
};

// The secondary's channel links move to the primary. A link of the same inbox and source id
// (compared without case: one email address, two spellings) as one of the primary's is a duplicate:
// its conversations are repointed to the primary's link and it is dropped. Identical (inbox, source
// id) pairs cannot exist at all (contact_inboxes_inbox_source_key), so moving a link never collides.
const moveContactInboxes = async (tx: Tx, primaryId: number, secondaryId: number): Promise<void> => {
  const links = await tx
    .select({ id: contactInboxes.id, contactId: contactInboxes.contactId, inboxId: contactInboxes.inboxId, sourceId: contactInboxes.sourceId })
    .from(contactInboxes)
    .where(inArray(contactInboxes.contactId, [primaryId, secondaryId]))
    .orderBy(asc(contactInboxes.id));
  const keyOf = (link: { inboxId: number; sourceId: string }) => `${link.inboxId}:${link.sourceId.trim().toLowerCase()}`;
  const primaryLinks = new Map(links.filter((link) => link.contactId === primaryId).map((link) => [keyOf(link), link.id]));
  const duplicates: Array<{ from: number; to: number }> = [];
  const moving: number[] = [];
  for (const link of links.filter((row) => row.contactId === secondaryId)) {
    const same = primaryLinks.get(keyOf(link));
    if (same) duplicates.push({ from: link.id, to: same });
    else moving.push(link.id);
  }
  if (duplicates.length) {
    const target = sql.join(
      duplicates.map(({ from, to }) => sql`when ${from} then ${to}::integer`),
      sql` `,
    );
    await tx
      .update(conversations)
      .set({ contactInboxId: sql`case ${conversations.contactInboxId} ${target} end` })
      .where(
        inArray(
          conversations.contactInboxId,
          duplicates.map(({ from }) => from),
        ),
      );
    await tx.delete(contactInboxes).where(
      inArray(
        contactInboxes.id,
        duplicates.map(({ from }) => from),
      ),
    );
  }
  if (moving.length) await tx.update(contactInboxes).set({ contactId: primaryId }).where(inArray(contactInboxes.id, moving));
};

// K3 "Combinar contacto": the secondary contact is merged into the primary and deleted, in ONE
// transaction: its conversations (in every inbox), the messages it sent, its channel links, its
// labels (union) and its custom attributes and card fields where the primary has none (the
// primary's values win: planContactMerge). Each moved conversation gets an activity message
// ("Laura combinó a Pedro con este contacto"); contact.merged, conversation.updated and
// message.created are published after commit, and the secondary's uploaded avatar file, unless the
// primary took it, is removed.
// Who may merge: any actor who may see BOTH contacts (contactScope), agents included, as in
// Chatwoot: merging duplicates is everyday support work, and it reveals nothing of the
// conversations the agent may not see (they move, they do not become visible). Refused: the same
// contact twice (INVALID_INPUT reason same_contact); a contact the actor may not see, of another
// account, or already merged away (NOT_FOUND).
export const mergeContacts = async (ctx: Ctx, input: TMergeContactsInput): Promise<MergeContactsResult> => {
  const { primaryId, secondaryId } = parseMergeInput(input);

  const outcome = await ctx.db.transaction(async (tx) => {
    const { primary, secondary } = await lockPair(tx, ctx, primaryId, secondaryId);
    const plan = planContactMerge(primary, secondary);
    const { attachments: _, ...moved } = await contactFootprint(tx, secondary.id);
    const at = ctx.now();

    await moveContactInboxes(tx, primary.id, secondary.id);
    const movedConversations = await tx
      .update(conversations)
      .set({ contactId: primary.id, updatedAt: at })
      .where(eq(conversations.contactId, secondary.id))
      .returning({ id: conversations.id, accountId: conversations.accountId, inboxId: conversations.inboxId });
    // A contact's own messages are in its own conversations (now all the primary's): the index
    // messages_conversation_created_idx finds them.
    await tx
      .update(messages)
      .set({ senderId: primary.id })
      .where(
        and(
          inArray(messages.conversationId, tx.select({ id: conversations.id }).from(conversations).where(eq(conversations.contactId, primary.id))),
          eq(messages.senderType, 'contact'),
          eq(messages.senderId, secondary.id),
        ),
      );

    const secondaryLabels = await tx.select({ labelId: contactLabels.labelId }).from(contactLabels).where(eq(contactLabels.contactId, secondary.id));
    if (secondaryLabels.length) {
      await tx
        .insert(contactLabels)
        .values(secondaryLabels.map(({ labelId }) => ({ contactId: primary.id, labelId })))
        .onConflictDoNothing();
    }

    // The unique email, phone and identifier move: the secondary lets go of them first.
    await tx.update(contacts).set({ email: null, phone: null, identifier: null }).where(eq(contacts.id, secondary.id));
    await tx
      .update(contacts)
      .set({ ...plan.patch, updatedAt: at })
      .where(eq(contacts.id, primary.id));
    await tx.delete(contacts).where(eq(contacts.id, secondary.id));

    const written = await writeActorActivity(tx, ctx.actor, {
      at,
      entries: movedConversations.map((conversation) => ({
        conversation,
        activity: {
          action: 'contact_merged' as const,
          primaryId: primary.id,
          secondaryId: secondary.id,
          secondaryName: secondary.name || secondary.email || secondary.phone || `#${secondary.id}`,
        },
      })),
    });

    const events: RealtimeEvent[] = [
      ...(await contactEvents(tx, {
        accountId: primary.accountId,
        contactIds: [primary.id],
        event: 'contact.merged',
        data: { primaryId: primary.id, secondaryId: secondary.id },
      })),
      ...movedConversations.map((conversation) => ({
        channel: inboxChannel(conversation),
        event: 'conversation.updated' as const,
        data: { conversationId: conversation.id, contactId: primary.id, updatedAt: at.toISOString() },
      })),
      ...written.map((message) => ({
        channel: inboxChannel(message),
        event: 'message.created' as const,
        data: { conversationId: message.conversationId, messageId: message.id, messageType: message.messageType },
      })),
    ];
    // The secondary's uploaded avatar goes with it, unless the primary took it over.
    const orphanAvatar = plan.fields.includes('avatarUrl') ? null : avatarKeyOf(secondary.accountId, secondary.avatarUrl);
    return { events, moved, orphanAvatar };
  });

  await publishAfterCommit(ctx, outcome.events);
  if (outcome.orphanAvatar) {
    const key = outcome.orphanAvatar;
    await ctx.storage.delete(key).catch((error) => console.error(`contacts: deleting avatar ${key} failed`, error));
  }
  return { contact: await getContact(ctx, { contactId: primaryId }), moved: outcome.moved };
};
