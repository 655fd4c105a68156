import { and, eq, lte, sql } from 'drizzle-orm';
import { conversationMutes, conversations } from '@/db/schema';
import { conversationScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';

export type ChangeMuteOptions = {
  conversationId: number;
  // Mute for this many hours from now; null unmutes.
  hours: number | null;
};

// C3, mute and unmute alike: one transaction that checks the actor may see the conversation
// (NOT_FOUND otherwise) and sets or removes the actor's own mute. A mute is this agent's alone
// ("Silenciada para ti"), so it writes no activity message and publishes nothing that every agent
// of the inbox would see; the agent's own header shows it.
export const changeMute = async (ctx: Ctx, { conversationId, hours }: ChangeMuteOptions): Promise<{ mutedUntil: Date | null }> => {
  const at = ctx.now();
  const userId = ctx.actor.userId;
  const mutedUntil = await ctx.db.transaction(async (tx) => {
    const [conversation] = await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.id, conversationId), conversationScope(ctx.actor)));
    if (!conversation) throw new DomainError('NOT_FOUND', { entity: 'conversation' });

    const mine = and(eq(conversationMutes.conversationId, conversationId), eq(conversationMutes.userId, userId));
    // Expired mutes of anyone are dropped while we are here: they mean nothing any more.
    await tx.delete(conversationMutes).where(and(eq(conversationMutes.conversationId, conversationId), lte(conversationMutes.mutedUntil, at)));

    if (hours === null) {
      await tx.delete(conversationMutes).where(mine);
      return null;
    }
    const mutedUntil = new Date(at.getTime() + hours * 3_600_000);
    await tx
      .insert(conversationMutes)
      .values({ conversationId, userId, mutedUntil })
      .onConflictDoUpdate({ target: [conversationMutes.conversationId, conversationMutes.userId], set: { mutedUntil: sql`excluded.muted_until` } });
    return mutedUntil;
  });
  return { mutedUntil };
};
