import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { contacts, conversations, inboxes, type Conversation, type Message } from '@/db/schema';
import { conversationScope } from '../authorization/scope';
import { parseContactInput, ZContactId } from '../contacts/contact-input';
import { contactScope } from '../contacts/contact-scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { excerptOf, lastMessageSubquery } from './list/last-message';

export const ZListPreviousConversationsInput = z.object({
  contactId: ZContactId,
  // The conversation open in the chat panel, left out of its own sidebar.
  excludeConversationId: ZContactId.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type TListPreviousConversationsInput = z.input<typeof ZListPreviousConversationsInput>;

export type PreviousConversation = Pick<Conversation, 'id' | 'displayId' | 'status' | 'lastActivityAt' | 'createdAt'> & {
  inbox: { id: number; name: string; channelType: 'website' | 'api' | 'email' };
  lastMessage: { excerpt: string; messageType: Message['messageType']; private: boolean; createdAt: Date } | null;
};


// H1 "Conversaciones anteriores": the contact's conversations in every inbox the actor may see
// (other inboxes included), most recent activity first, each with its status, inbox and last
// message (activity lines skipped, as in the list's cards), for links to them. One query: the last
// message is one LATERAL index walk per conversation (messages_conversation_created_idx).
// NOT_FOUND when the actor may not see the contact.
export const listPreviousConversations = async (ctx: Ctx, input: TListPreviousConversationsInput): Promise<PreviousConversation[]> => {
  const { contactId, excludeConversationId, limit } = parseContactInput(ZListPreviousConversationsInput, input);
  const [contact] = await ctx.db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.id, contactId), contactScope(ctx.actor)))
    .limit(1);
  if (!contact) throw new DomainError('NOT_FOUND', { entity: 'contact' });

  const last = lastMessageSubquery(ctx.db);
  const rows = await ctx.db
    .select({
      id: conversations.id,
      displayId: conversations.displayId,
      status: conversations.status,
      lastActivityAt: conversations.lastActivityAt,
      createdAt: conversations.createdAt,
      inbox: { id: inboxes.id, name: inboxes.name, channelType: inboxes.channelType },
      last: { content: last.content, messageType: last.messageType, private: last.private, createdAt: last.createdAt },
    })
    .from(conversations)
    .innerJoin(inboxes, eq(inboxes.id, conversations.inboxId))
    .leftJoinLateral(last, sql`true`)
    .where(
      and(
        eq(conversations.contactId, contact.id),
        conversationScope(ctx.actor),
        excludeConversationId === undefined ? undefined : ne(conversations.id, excludeConversationId),
      ),
    )
    .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
    .limit(limit);

  return rows.map(({ last: message, ...conversation }) => ({
    ...conversation,
    lastMessage: message?.messageType
      ? { excerpt: excerptOf(message.content), messageType: message.messageType, private: message.private, createdAt: message.createdAt }
      : null,
  }));
};
