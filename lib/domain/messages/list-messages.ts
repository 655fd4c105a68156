import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { attachments, contacts, messages, users, type Attachment, type Message } from '@/db/schema';
import { inboxScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { getConversation } from '../conversations/get-conversation';

export const MESSAGE_PAGE_SIZE = 50;

export const ZListMessagesInput = z.object({
  conversationId: z.coerce.number().int().positive(),
  // Older than this message (keyset on created_at, id): the chat loads older pages on scroll.
  beforeId: z.coerce.number().int().positive().optional(),
});
export type TListMessagesInput = z.input<typeof ZListMessagesInput>;

export type ChatMessage = Pick<
  Message,
  'id' | 'messageType' | 'private' | 'senderType' | 'senderId' | 'sentOutsidePlatform' | 'content' | 'contentAttributes' | 'status' | 'createdAt'
> & {
  senderName: string | null;
  attachments: Array<Pick<Attachment, 'id' | 'kind' | 'fileName' | 'mimeType' | 'size' | 'duration' | 'isVoiceNote'>>;
};

// A page of a conversation's messages, oldest first, ending at the latest (or before `beforeId`).
// The conversation is authorised first: NOT_FOUND when the actor may not see it.
export const listMessages = async (ctx: Ctx, input: TListMessagesInput): Promise<{ messages: ChatMessage[]; hasOlder: boolean }> => {
  const { conversationId, beforeId } = ZListMessagesInput.parse(input);
  await getConversation(ctx, { conversationId });

  const before = beforeId
    ? (await ctx.db.select({ createdAt: messages.createdAt, id: messages.id }).from(messages).where(and(eq(messages.id, beforeId), eq(messages.conversationId, conversationId))))[0]
    : undefined;

  const rows = await ctx.db
    .select({
      id: messages.id,
      messageType: messages.messageType,
      private: messages.private,
      senderType: messages.senderType,
      senderId: messages.senderId,
      sentOutsidePlatform: messages.sentOutsidePlatform,
      content: messages.content,
      contentAttributes: messages.contentAttributes,
      status: messages.status,
      createdAt: messages.createdAt,
      senderName: sql<string | null>`case ${messages.senderType} when 'agent' then ${users.name} when 'contact' then ${contacts.name} end`,
    })
    .from(messages)
    .leftJoin(users, and(eq(messages.senderType, 'agent'), eq(users.id, messages.senderId)))
    .leftJoin(contacts, and(eq(messages.senderType, 'contact'), eq(contacts.id, messages.senderId)))
    .where(
      and(
        eq(messages.conversationId, conversationId),
        inboxScope(ctx.actor, messages),
        before ? or(lt(messages.createdAt, before.createdAt), and(eq(messages.createdAt, before.createdAt), lt(messages.id, before.id))) : undefined,
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(MESSAGE_PAGE_SIZE + 1);

  const page = rows.slice(0, MESSAGE_PAGE_SIZE).reverse();
  const files = page.length
    ? await ctx.db
        .select({
          id: attachments.id,
          messageId: attachments.messageId,
          kind: attachments.kind,
          fileName: attachments.fileName,
          mimeType: attachments.mimeType,
          size: attachments.size,
          duration: attachments.duration,
          isVoiceNote: attachments.isVoiceNote,
        })
        .from(attachments)
        .where(inArray(attachments.messageId, page.map((message) => message.id)))
    : [];

  return {
    messages: page.map((message) => ({
      ...message,
      attachments: files.filter((file) => file.messageId === message.id).map(({ messageId: _, ...file }) => file),
    })),
    hasOlder: rows.length > MESSAGE_PAGE_SIZE,
  };
};
