import { and, desc, eq, inArray } from 'drizzle-orm';
import { conversationReads, conversations, messages } from '@/db/schema';
import { conversationScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { ZMarkConversationReadInput, type TMarkConversationReadInput } from './mark-read';

// "Mark as unread" (Chatwoot's …/unread): the actor's read mark moves to just before the last
// customer message, so it counts as unread again (L6); with no customer message, nothing is unread
// and the mark is removed. NOT_FOUND for a conversation the actor may not see.
export const markConversationUnread = async (ctx: Ctx, input: TMarkConversationReadInput): Promise<{ lastReadAt: Date | null }> => {
  const parsed = ZMarkConversationReadInput.safeParse(input);
  if (!parsed.success) throw new DomainError('NOT_FOUND', { entity: 'conversation' });
  const { conversationId } = parsed.data;
  const [visible] = await ctx.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), conversationScope(ctx.actor)))
    .limit(1);
  if (!visible) throw new DomainError('NOT_FOUND', { entity: 'conversation' });

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
  await ctx.db
    .insert(conversationReads)
    .values({ conversationId, userId: ctx.actor.userId, lastReadAt })
    .onConflictDoUpdate({ target: [conversationReads.userId, conversationReads.conversationId], set: { lastReadAt } });
  return { lastReadAt };
};
