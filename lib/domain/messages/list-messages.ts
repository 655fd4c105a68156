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
  conversationId: ZDbId,
  // Older than this message (keyset on created_at, id): the chat loads older pages on scroll.
  beforeId: ZDbId.optional(),
});
export type TListMessagesInput = z.input<typeof ZListMessagesInput>;

// A page of a conversation's messages, oldest first, ending at the latest (or before `beforeId`).
// NOT_FOUND when the actor may not see the conversation.
export const listMessages = async (ctx: Ctx, input: TListMessagesInput): Promise<{ messages: ChatMessage[]; hasOlder: boolean }> => {
  const { conversationId, beforeId } = ZListMessagesInput.parse(input);
  // The authorisation and the page's ids side by side (one round trip less for the chat panel): the
  // ids are read within the actor's inboxes anyway, and nothing is returned unless it passes.
  const [, rows] = await Promise.all([getConversation(ctx, { conversationId }), pageOfMessageIds(ctx, conversationId, beforeId)]);
  return {
    messages: await loadChatMessages(ctx, rows.slice(0, MESSAGE_PAGE_SIZE).map((row) => row.id)),
    hasOlder: rows.length > MESSAGE_PAGE_SIZE,
  };
};

// The ids of a page of messages, newest first, one more than a page (so `hasOlder` is known).
const pageOfMessageIds = async (ctx: Ctx, conversationId: number, beforeId: number | undefined) => {
  const before = beforeId
    ? (await ctx.db.select({ createdAt: messages.createdAt, id: messages.id }).from(messages).where(and(eq(messages.id, beforeId), eq(messages.conversationId, conversationId))))[0]
    : undefined;

  return ctx.db
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
};
