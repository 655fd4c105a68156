import { and, desc, eq, inArray } from 'drizzle-orm';
import { conversationReads, messages } from '@/db/schema';
import type { Ctx } from '../context';
import { visibleConversationId, writeReadMark, type TMarkConversationReadInput } from './mark-read';

// "Mark as unread" (Chatwoot's …/unread): the actor's read mark moves to just before the last
// customer message, so it counts as unread again (L6); with no customer message, nothing is unread
// and the mark is removed. NOT_FOUND for a conversation the actor may not see.
export const markConversationUnread = async (ctx: Ctx, input: TMarkConversationReadInput): Promise<{ lastReadAt: Date | null }> => {
  const conversationId = await visibleConversationId(ctx, input);

  const [last] = await ctx.db
    .select({ createdAt: messages.createdAt })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), inArray(messages.messageType, ['incoming'])))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1);
  const mine = and(eq(conversationReads.conversationId, conversationId), eq(conversationReads.userId, ctx.actor.userId));
  if (!last) {
    await ctx.db.delete(conversationReads).where(mine);
    return { lastReadAt: null };
  }
  const lastReadAt = new Date(last.createdAt.getTime() - 1);
  await writeReadMark(ctx, conversationId, lastReadAt);
  return { lastReadAt };
};
