import { and, desc, eq, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { messages } from '@/db/schema';
import { inboxScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { getConversation } from '../conversations/get-conversation';
import { loadChatMessages, type ChatMessage } from './load-chat-messages';
import { ZDbId } from '../request-values';

export type { ChatMessage } from './load-chat-messages';

export const MESSAGE_PAGE_SIZE = 50;

export const ZListMessagesInput = z.object({
  conversationId: z.coerce.number().int().positive(),
  // Older than this message (keyset on created_at, id): the chat loads older pages on scroll.
  beforeId: ZDbId.optional(),
});
export type TListMessagesInput = z.input<typeof ZListMessagesInput>;

// A page of a conversation's messages, oldest first, ending at the latest (or before `beforeId`).
// The conversation is authorised first: NOT_FOUND when the actor may not see it.
export const listMessages = async (ctx: Ctx, input: TListMessagesInput): Promise<{ messages: ChatMessage[]; hasOlder: boolean }> => {
  const { conversationId, beforeId } = ZListMessagesInput.parse(input);
  await getConversation(ctx, { conversationId });

  const before = beforeId
    ? (await ctx.db.select({ createdAt: messages.createdAt, id: messages.id }).from(messages).where(and(eq(messages.id, beforeId), eq(messages.conversationId, conversationId))))[0]
    : undefined;

  const rows = await ctx.db
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        inboxScope(ctx.actor, messages),
        before ? or(lt(messages.createdAt, before.createdAt), and(eq(messages.createdAt, before.createdAt), lt(messages.id, before.id))) : undefined,
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(MESSAGE_PAGE_SIZE + 1);

  return {
    messages: await loadChatMessages(ctx, rows.slice(0, MESSAGE_PAGE_SIZE).map((row) => row.id)),
    hasOlder: rows.length > MESSAGE_PAGE_SIZE,
  };
};
