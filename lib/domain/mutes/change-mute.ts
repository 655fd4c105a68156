import { and, eq, lte, sql } from 'drizzle-orm';
import { conversationMutes, conversations } from '@/db/schema';
import type { Activity } from '../activity/activity-text';
import { writeActorActivity } from '../activity/write-activity';
import { conversationScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { inboxChannel } from '../events/inbox-channel';
import { publishAfterCommit, type RealtimeEvent } from '../events/publish';

export type ChangeMuteOptions = {
  conversationId: number;
  // Mute for this many hours from now; null unmutes.
  hours: number | null;
};

// C3, mute and unmute alike: one transaction that locks the conversation the actor may see
// (NOT_FOUND otherwise), sets or removes the actor's own mute, and writes the activity message when
// the muted state really changes (muting again while muted only moves the end, so a double click
// does not write twice; unmuting what is not muted writes nothing). Publishes after commit.
export const changeMute = async (ctx: Ctx, { conversationId, hours }: ChangeMuteOptions): Promise<{ mutedUntil: Date | null }> => {
  const at = ctx.now();
  const userId = ctx.actor.userId;
  const outcome = await ctx.db.transaction(async (tx) => {
    const [conversation] = await tx
      .select({ id: conversations.id, accountId: conversations.accountId, inboxId: conversations.inboxId })
      .from(conversations)
      .where(and(eq(conversations.id, conversationId), conversationScope(ctx.actor)))
      .for('update');
    if (!conversation) throw new DomainError('NOT_FOUND', { entity: 'conversation' });

    const mine = and(eq(conversationMutes.conversationId, conversationId), eq(conversationMutes.userId, userId));
    const [current] = await tx.select({ mutedUntil: conversationMutes.mutedUntil }).from(conversationMutes).where(mine);
    const wasMuted = !!current && current.mutedUntil.getTime() > at.getTime();
    // Expired mutes of anyone are dropped while we are here: they mean nothing any more.
    await tx.delete(conversationMutes).where(and(eq(conversationMutes.conversationId, conversationId), lte(conversationMutes.mutedUntil, at)));

    let mutedUntil: Date | null = null;
    let activity: Activity | null = null;
    if (hours === null) {
      await tx.delete(conversationMutes).where(mine);
      if (wasMuted) activity = { action: 'unmuted' };
    } else {
      mutedUntil = new Date(at.getTime() + hours * 3_600_000);
      await tx
        .insert(conversationMutes)
        .values({ conversationId, userId, mutedUntil })
        .onConflictDoUpdate({ target: [conversationMutes.conversationId, conversationMutes.userId], set: { mutedUntil: sql`excluded.muted_until` } });
      if (!wasMuted) activity = { action: 'muted', hours, mutedUntil: mutedUntil.toISOString() };
    }
    if (!activity) return { mutedUntil, events: [] };

    const [message] = await writeActorActivity(tx, { userId, accountId: ctx.actor.accountId }, {
      at,
      entries: [{ conversation, activity }],
    });
    const events: RealtimeEvent[] = [
      { channel: inboxChannel(conversation), event: 'message.created', data: { conversationId, messageId: message.id, messageType: message.messageType } },
    ];
    return { mutedUntil, events };
  });

  await publishAfterCommit(ctx, outcome.events);
  return { mutedUntil: outcome.mutedUntil };
};
