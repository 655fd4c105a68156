import { and, eq, lte } from 'drizzle-orm';
import { conversationMutes, conversations } from '@/db/schema';
import { conversationScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { parseActionInput } from '../conversations/actions/parse-action-input';
import { DomainError } from '../errors';
import { ZMuteTargetInput, type TMuteTargetInput } from './schemas';

// C3: whether the acting agent has muted this conversation, and until when (the header shows it).
// A mute past its time is no mute: it expires by itself with no sweep, and its row is removed here
// when found.
export const getMute = async (ctx: Ctx, input: TMuteTargetInput): Promise<{ mutedUntil: Date } | null> => {
  const { conversationId } = parseActionInput(ZMuteTargetInput, input);
  const [row] = await ctx.db
    .select({ mutedUntil: conversationMutes.mutedUntil })
    .from(conversations)
    .leftJoin(conversationMutes, and(eq(conversationMutes.conversationId, conversations.id), eq(conversationMutes.userId, ctx.actor.userId)))
    .where(and(eq(conversations.id, conversationId), conversationScope(ctx.actor)));
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'conversation' });
  if (!row.mutedUntil) return null;

  const now = ctx.now();
  if (row.mutedUntil.getTime() > now.getTime()) return { mutedUntil: row.mutedUntil };
  await ctx.db
    .delete(conversationMutes)
    .where(and(eq(conversationMutes.conversationId, conversationId), eq(conversationMutes.userId, ctx.actor.userId), lte(conversationMutes.mutedUntil, now)));
  return null;
};
