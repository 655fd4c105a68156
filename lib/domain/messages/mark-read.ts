import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { conversationReads, conversations } from '@/db/schema';
import { conversationScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { ZDbId } from '../request-values';

export const ZMarkConversationReadInput = z.object({ conversationId: ZDbId });
export type TMarkConversationReadInput = z.input<typeof ZMarkConversationReadInput>;

// The conversation id of a read-mark request, once the actor may see it; NOT_FOUND otherwise.
export const visibleConversationId = async (ctx: Ctx, input: TMarkConversationReadInput): Promise<number> => {
  const parsed = ZMarkConversationReadInput.safeParse(input);
  if (!parsed.success) throw new DomainError('NOT_FOUND', { entity: 'conversation' });
  const { conversationId } = parsed.data;
  const [visible] = await ctx.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), conversationScope(ctx.actor)))
    .limit(1);
  if (!visible) throw new DomainError('NOT_FOUND', { entity: 'conversation' });
  return conversationId;
};

// The actor's read mark of a conversation, set to `lastReadAt`.
export const writeReadMark = async (ctx: Ctx, conversationId: number, lastReadAt: Date): Promise<void> => {
  await ctx.db
    .insert(conversationReads)
    .values({ conversationId, userId: ctx.actor.userId, lastReadAt })
    .onConflictDoUpdate({ target: [conversationReads.userId, conversationReads.conversationId], set: { lastReadAt } });
};

// "Opening a conversation marks it read for me": the actor's unread count (L6) restarts from now.
// NOT_FOUND for a conversation the actor may not see.
export const markConversationRead = async (ctx: Ctx, input: TMarkConversationReadInput): Promise<{ lastReadAt: Date }> => {
  const conversationId = await visibleConversationId(ctx, input);
  const lastReadAt = ctx.now();
  await writeReadMark(ctx, conversationId, lastReadAt);
  return { lastReadAt };
};
