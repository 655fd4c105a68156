import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { accounts, contacts, conversationParticipants, conversations, messages } from '@/db/schema';
import { assertInboxAccess } from '../authorization/scope';
import { parseContactInput, ZContactId } from '../contacts/contact-input';
import { contactAndInbox, contactInboxFor } from '../contacts/contact-inbox';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { inboxChannel } from '../events/inbox-channel';
import { publishAfterCommit } from '../events/publish';
import { MAX_MESSAGE_LENGTH } from '../messages/send-message';
import { deliverAgentMessage } from '../channels/deliver-agent-message';
import { enqueueConversationWebhooks, enqueueMessageWebhooks } from '../webhooks/enqueue-webhooks';

export const ZStartConversationInput = z.object({
  contactId: ZContactId,
  inboxId: ZContactId,
  // As in the composer: line breaks kept (CRLF from form posts becomes LF), ends trimmed.
  content: z
    .string()
    .max(MAX_MESSAGE_LENGTH * 2)
    .transform((text) => text.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1).max(MAX_MESSAGE_LENGTH)),
});
export type TStartConversationInput = z.input<typeof ZStartConversationInput>;

// K1 "Nuevo mensaje": the agent starts a conversation with a contact in an inbox they belong to, by
// writing its first message. Only channels that can reach a customer first: email (the contact
// needs an email address: INVALID_INPUT reason contact_has_no_email) and API; a website widget
// visitor must write first (INVALID_INPUT reason channel_cannot_start). An inbox the actor is not in
// is NOT_FOUND, as is a contact they may not see. In one transaction: the contact's link to the
// inbox, the conversation (next display id of the account; open; assigned to the agent, who joins
// its participants; first reply already made, so it never shows as unattended) and the outgoing
// message (status 'sent': delivery by the channel updates it). No activity message: the
// conversation starts with the agent's own message. Publishes conversation.created and
// message.created after commit.
export const startConversation = async (ctx: Ctx, input: TStartConversationInput): Promise<{ conversationId: number; displayId: number }> => {
  const { contactId, inboxId, content } = parseContactInput(ZStartConversationInput, input);
  assertInboxAccess(ctx.actor, inboxId);

  const outcome = await ctx.db.transaction(async (tx) => {
    const { contact, inbox } = await contactAndInbox(tx, ctx.actor, contactId, inboxId);
    if (inbox.channelType === 'website') throw new DomainError('INVALID_INPUT', { field: 'inboxId', reason: 'channel_cannot_start' });
    if (inbox.channelType === 'email' && !contact.email) throw new DomainError('INVALID_INPUT', { field: 'inboxId', reason: 'contact_has_no_email' });

    const { id: contactInboxId } = await contactInboxFor(tx, contact, inbox);
    // UPDATE ... RETURNING serialises concurrent creators on the account row: no two get one number.
    const [{ displayId }] = await tx
      .update(accounts)
      .set({ lastConversationDisplayId: sql`${accounts.lastConversationDisplayId} + 1` })
      .where(eq(accounts.id, ctx.actor.accountId))
      .returning({ displayId: accounts.lastConversationDisplayId });
    const at = ctx.now();
    const [conversation] = await tx
      .insert(conversations)
      .values({
        accountId: ctx.actor.accountId,
        displayId,
        inboxId: inbox.id,
        contactId: contact.id,
        contactInboxId,
        status: 'open',
        assigneeId: ctx.actor.userId,
        firstReplyAt: at,
        waitingSince: null,
        lastActivityAt: at,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: conversations.id, accountId: conversations.accountId, inboxId: conversations.inboxId });
    const [message] = await tx
      .insert(messages)
      .values({
        accountId: conversation.accountId,
        inboxId: conversation.inboxId,
        conversationId: conversation.id,
        messageType: 'outgoing',
        private: false,
        senderType: 'agent',
        senderId: ctx.actor.userId,
        content,
        status: 'sent',
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: messages.id });
    await tx.insert(conversationParticipants).values({ conversationId: conversation.id, userId: ctx.actor.userId }).onConflictDoNothing();
    await tx.update(contacts).set({ lastActivityAt: at }).where(eq(contacts.id, contact.id));

    // Channels (#7): conversation_created and message_created webhook deliveries, in this transaction.
    await enqueueConversationWebhooks(tx, [conversation.id], { event: 'conversation_created', at, accountIds: [conversation.accountId] });
    await enqueueMessageWebhooks(tx, [message.id], { event: 'message_created', at, accountIds: [conversation.accountId] });

    const channel = inboxChannel(conversation);
    return {
      messageId: message.id,
      conversationId: conversation.id,
      displayId,
      events: [
        { channel, event: 'conversation.created' as const, data: { conversationId: conversation.id, assigneeId: ctx.actor.userId } },
        { channel, event: 'message.created' as const, data: { conversationId: conversation.id, messageId: message.id, messageType: 'outgoing', private: false } },
      ],
    };
  });

  await publishAfterCommit(ctx, outcome.events);
  // Channels (#7): the first message goes out on its channel (email); webhooks are sent.
  await deliverAgentMessage(ctx, outcome.messageId);
  return { conversationId: outcome.conversationId, displayId: outcome.displayId };
};
