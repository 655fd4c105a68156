import { and, asc, desc, eq, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import { attachments, contacts, messages, users, type Conversation, type Message } from '@/db/schema';
import type { SystemCtx } from '../../context';
import { signAttachmentLink } from '../../attachments/signed-link';
import { agentSender, contactSender } from '../../messages/message-sender';
import { appUrl, linkSecret } from '../../transcripts/send-transcript';
import { contactJson } from './api-contact';
import type { ApiContact } from './api-inbox';

// The client API's JSON of conversations and messages, in Chatwoot's client API shapes
// (public_conversation, public_message). Only what the customer may see (B5, issue 12 #2): never a
// private note, never an activity line (labels, assignees, status changes), of agents their name only.

type Db = SystemCtx['db'];

// Links to a message's files that the contact (who never signs in) can open: signed like the
// transcripts' links, valid 7 days; every read of the messages hands out fresh ones.
const API_LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

// The messages shown inside a conversation object (the latest ones; GET messages pages back).
export const CONVERSATION_MESSAGES = 20;

const customerVisible = and(eq(messages.private, false), ne(messages.messageType, 'activity')) as SQL;

const attachmentsJson = async (ctx: Pick<SystemCtx, 'db' | 'now'>, messageIds: number[]) => {
  const files = messageIds.length ? await ctx.db.select().from(attachments).where(inArray(attachments.messageId, messageIds)).orderBy(asc(attachments.id)) : [];
  const expiresAt = new Date(ctx.now().getTime() + API_LINK_LIFETIME_MS);
  return (messageId: number) =>
    files
      .filter((file) => file.messageId === messageId)
      .map((file) => ({
        id: file.id,
        file_type: file.kind,
        file_name: file.fileName,
        content_type: file.mimeType,
        file_size: file.size,
        data_url: signAttachmentLink({ appUrl: appUrl(), attachmentId: file.id, expiresAt, secret: linkSecret() }),
      }));
};

// Of a message's structured data, what the customer may see: their answers to a message
// (`submitted_values`, PATCH messages/{id}) and what it replies to. Email headers, delivery errors
// and mentions stay inside.
const publicAttributes = (attributes: Message['contentAttributes']) => ({
  ...(attributes.submittedValues !== undefined ? { submitted_values: attributes.submittedValues } : {}),
  ...(typeof attributes.inReplyTo === 'number' ? { in_reply_to: attributes.inReplyTo } : {}),
});

const messageColumns = {
  message: messages,
  agentName: users.name,
  contactName: contacts.name,
};
type MessageRow = { message: Message; agentName: string | null; contactName: string | null };

const messageQuery = (db: Db, where: SQL | undefined) =>
  db.select(messageColumns).from(messages).leftJoin(users, agentSender).leftJoin(contacts, contactSender).where(where);

// Rows → public_message JSON, oldest first, each with its files and its conversation's number.
const messagesJson = async (ctx: Pick<SystemCtx, 'db' | 'now'>, rows: MessageRow[], displayIdOf: (conversationId: number) => number) => {
  const filesOf = await attachmentsJson(ctx, rows.map(({ message }) => message.id));
  return rows.map(({ message, agentName, contactName }) => ({
    id: message.id,
    content: message.content,
    message_type: message.messageType,
    content_type: 'text',
    content_attributes: publicAttributes(message.contentAttributes),
    created_at: message.createdAt.toISOString(),
    conversation_id: displayIdOf(message.conversationId),
    source_id: message.sourceId,
    sent_outside_platform: message.sentOutsidePlatform,
    status: message.status,
    private: false,
    // An agent by name only (never their email); the contact by id and name; none for the system.
    sender:
      message.senderType === 'agent'
        ? { id: message.senderId, name: agentName, available_name: agentName, type: 'user' }
        : message.senderType === 'contact'
          ? { id: message.senderId, name: contactName, type: 'contact' }
          : null,
    attachments: filesOf(message.id),
  }));
};
export type ApiMessageJson = Awaited<ReturnType<typeof messagesJson>>[number];

// One conversation's customer-visible messages: the latest `limit`, or those before `before` (a
// message id), oldest first.
export const conversationMessagesJson = async (ctx: Pick<SystemCtx, 'db' | 'now'>, conversation: Pick<Conversation, 'id' | 'displayId'>, { before, limit = 100 }: { before?: number; limit?: number } = {}) => {
  const rows = await messageQuery(ctx.db, and(eq(messages.conversationId, conversation.id), customerVisible, before ? lt(messages.id, before) : undefined))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(limit);
  return messagesJson(ctx, rows.reverse(), () => conversation.displayId);
};

// One message of the conversation, customer-visible, as JSON (null when it is not one).
export const messageJson = async (ctx: Pick<SystemCtx, 'db' | 'now'>, conversation: Pick<Conversation, 'id' | 'displayId'>, messageId: number) => {
  const rows = await messageQuery(ctx.db, and(eq(messages.id, messageId), eq(messages.conversationId, conversation.id), customerVisible));
  return (await messagesJson(ctx, rows, () => conversation.displayId))[0] ?? null;
};

// Conversations → public_conversation JSON: with the contact and the latest CONVERSATION_MESSAGES
// customer-visible messages of each (one query for all of them, ranked per conversation).
export const conversationsJson = async (ctx: Pick<SystemCtx, 'db' | 'now'>, rows: Conversation[], link: ApiContact) => {
  if (rows.length === 0) return [];
  const ranked = ctx.db
    .select({
      id: messages.id,
      rank: sql<number>`row_number() over (partition by ${messages.conversationId} order by ${messages.createdAt} desc, ${messages.id} desc)`.as('rank'),
    })
    .from(messages)
    .where(and(inArray(messages.conversationId, rows.map((row) => row.id)), customerVisible))
    .as('ranked');
  const messageRows = await ctx.db
    .select(messageColumns)
    .from(messages)
    .innerJoin(ranked, eq(ranked.id, messages.id))
    .leftJoin(users, agentSender)
    .leftJoin(contacts, contactSender)
    .where(sql`${ranked.rank} <= ${CONVERSATION_MESSAGES}`)
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const displayIds = new Map(rows.map((row) => [row.id, row.displayId]));
  const all = await messagesJson(ctx, messageRows, (id) => displayIds.get(id) ?? 0);
  const contact = await contactJson(ctx.db, link);
  return rows.map((row) => ({
    id: row.displayId,
    uuid: row.uuid,
    inbox_id: row.inboxId,
    status: row.status,
    created_at: row.createdAt.toISOString(),
    contact_last_seen_at: row.contactLastSeenAt?.toISOString() ?? null,
    contact_id: link.contactId,
    messages: all.filter((message) => message.conversation_id === row.displayId),
    contact,
  }));
};
