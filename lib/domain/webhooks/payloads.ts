import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { accounts, attachments, contacts, conversations, inboxes, messages, users } from '@/db/schema';

// Chatwoot's webhook payloads, trimmed to what an integration needs. A conversation's `id` is its
// display id (#123), as in Chatwoot; `uuid` is its public id.

type ConversationRow = typeof conversations.$inferSelect;

const contactPart = (contact: { id: number; name: string; email: string | null; phone: string | null; identifier: string | null }) => ({
  id: contact.id,
  name: contact.name,
  email: contact.email,
  phone_number: contact.phone,
  identifier: contact.identifier,
  type: 'contact',
});

const conversationPart = (conversation: ConversationRow) => ({
  id: conversation.displayId,
  display_id: conversation.displayId,
  uuid: conversation.uuid,
  inbox_id: conversation.inboxId,
  status: conversation.status,
  assignee_id: conversation.assigneeId,
  team_id: conversation.teamId,
  priority: conversation.priority,
  snoozed_until: conversation.snoozedUntil?.toISOString() ?? null,
  first_reply_created_at: conversation.firstReplyAt?.toISOString() ?? null,
  waiting_since: conversation.waitingSince?.toISOString() ?? null,
  created_at: conversation.createdAt.toISOString(),
  updated_at: conversation.updatedAt.toISOString(),
});

export type PayloadTarget = { accountId: number; inboxId: number; payload: Record<string, unknown> };

// conversation_created / conversation_status_changed.
export const conversationPayloads = async (db: DbOrTx, event: string, conversationIds: number[]): Promise<PayloadTarget[]> => {
  if (conversationIds.length === 0) return [];
  const rows = await db
    .select({ conversation: conversations, contact: contacts, inbox: { id: inboxes.id, name: inboxes.name }, account: { id: accounts.id, name: accounts.name } })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(inboxes, eq(inboxes.id, conversations.inboxId))
    .innerJoin(accounts, eq(accounts.id, conversations.accountId))
    .where(inArray(conversations.id, conversationIds));
  return rows.map(({ conversation, contact, inbox, account }) => ({
    accountId: conversation.accountId,
    inboxId: conversation.inboxId,
    payload: { event, ...conversationPart(conversation), contact: contactPart(contact), meta: { sender: contactPart(contact) }, inbox, account },
  }));
};

// message_created / message_updated. Activity messages are not sent (they are the record of changes
// that have their own events).
export const messagePayloads = async (db: DbOrTx, event: string, messageIds: number[]): Promise<PayloadTarget[]> => {
  if (messageIds.length === 0) return [];
  const rows = await db
    .select({
      message: messages,
      conversation: conversations,
      contact: contacts,
      agent: { id: users.id, name: users.name, email: users.email },
      inbox: { id: inboxes.id, name: inboxes.name },
      account: { id: accounts.id, name: accounts.name },
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(inboxes, eq(inboxes.id, messages.inboxId))
    .innerJoin(accounts, eq(accounts.id, messages.accountId))
    .leftJoin(users, eq(users.id, messages.senderId))
    .where(inArray(messages.id, messageIds));
  const files = await db
    .select({ messageId: attachments.messageId, id: attachments.id, fileName: attachments.fileName, mimeType: attachments.mimeType, size: attachments.size, kind: attachments.kind })
    .from(attachments)
    .where(inArray(attachments.messageId, messageIds));
  return rows
    .filter(({ message }) => message.messageType !== 'activity')
    .map(({ message, conversation, contact, agent, inbox, account }) => {
      const sender =
        message.senderType === 'contact'
          ? contactPart(contact)
          : message.senderType === 'agent' && agent
            ? { id: agent.id, name: agent.name, email: agent.email, type: 'user' }
            : null;
      return {
        accountId: message.accountId,
        inboxId: message.inboxId,
        payload: {
          event,
          id: message.id,
          content: message.content,
          content_type: 'text',
          message_type: message.messageType,
          private: message.private,
          sent_outside_platform: message.sentOutsidePlatform,
          status: message.status,
          source_id: message.sourceId,
          content_attributes: {
            ...(message.contentAttributes.email ? { email: { subject: message.contentAttributes.email.subject ?? null } } : {}),
            ...(message.contentAttributes.deleted === true ? { deleted: true } : {}),
          },
          created_at: message.createdAt.toISOString(),
          updated_at: message.updatedAt.toISOString(),
          sender,
          attachments: files
            .filter((file) => file.messageId === message.id)
            .map(({ id, fileName, mimeType, size, kind }) => ({ id, file_type: kind, file_name: fileName, content_type: mimeType, file_size: size })),
          conversation: conversationPart(conversation),
          inbox,
          account,
        },
      };
    });
};
