import { and, eq } from 'drizzle-orm';
import { contactInboxes, conversations, inboxes } from '@/db/schema';
import { customerVisibleMessage } from '../../messages/customer-visible-message';
import type { Ctx } from '../../context';

// The realtime channel of a client API contact (issue 14: "the pubsub_token must work"). Chatwoot
// streams a contact's events over ActionCable by its pubsub_token; here the contact subscribes with
// pusher-js to the Pusher private channel `private-contact-{source_id}`, which POST
// /public/api/v1/realtime/auth opens to whoever shows that link's pubsub_token
// (contact-channel-auth.ts), and to nothing else (no agent's channel, no other contact's). Named by
// the source id so that this file, which the agents' send path imports (and with it client bundles),
// needs no node:crypto. It carries only what the contact may see: `message.created` `{ id, conversation_id, message_type }`
// of the agents' public replies and of the contact's own messages, and `message.updated` with the
// same payload when one of them is deleted (never a private note or an activity line); the client
// re-reads the messages (Pusher events stay small).
export const CONTACT_CHANNEL_PREFIX = 'private-contact-';

export const contactChannel = (sourceId: string) => `${CONTACT_CHANNEL_PREFIX}${sourceId}`;

// The API contact's link of a conversation (an API inbox's); null for other channels.
const apiLinkOf = async (db: Ctx['db'], conversationId: number) => {
  const [row] = await db
    .select({ sourceId: contactInboxes.sourceId, displayId: conversations.displayId })
    .from(conversations)
    .innerJoin(inboxes, and(eq(inboxes.id, conversations.inboxId), eq(inboxes.channelType, 'api')))
    .innerJoin(contactInboxes, eq(contactInboxes.id, conversations.contactInboxId))
    .where(eq(conversations.id, conversationId));
  return row ?? null;
};

// After a message committed (message.created) or was deleted (message.updated): a customer-visible
// one of an API inbox's conversation is announced on its contact's channel. A publish failure is
// logged, never fails the change.
export const announceMessageToContact = async (
  ctx: Pick<Ctx, 'db' | 'realtime'>,
  messageId: number,
  event: 'message.created' | 'message.updated' = 'message.created',
): Promise<void> => {
  const message = await customerVisibleMessage(ctx.db, messageId);
  if (!message) return;
  const link = await apiLinkOf(ctx.db, message.conversationId);
  if (!link) return;
  await ctx.realtime
    .publish(contactChannel(link.sourceId), event, { id: messageId, conversation_id: link.displayId, message_type: message.messageType })
    .catch((error: unknown) => console.error(`realtime: publishing ${event} to a contact failed`, error));
};
