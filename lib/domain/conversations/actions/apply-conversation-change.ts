import { and, asc, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { conversations, type Conversation, type NewConversation } from '@/db/schema';
import type { Activity } from '../../activity/activity-text';
import { writeActorActivity } from '../../activity/write-activity';
import { conversationScope } from '../../authorization/scope';
import type { Ctx } from '../../context';
import { DomainError } from '../../errors';
import { publishAfterCommit, type RealtimeEvent } from '../../events/publish';
import { changeEvents } from './change-events';
import { enqueueConversationWebhooks } from '../../webhooks/enqueue-webhooks';
import { nudgeDeliveries } from '../../sweeps/nudge-deliveries';

// Columns a change may set; every changed conversation gets the same values (updatedAt is added).
export type ConversationPatch = Partial<Pick<NewConversation, 'status' | 'snoozedUntil' | 'assigneeId' | 'teamId' | 'priority'>>;

// What one conversation's change is: its activity message (B4) and the realtime payload.
export type PlannedChange = {
  activity: Activity;
  // The fields clients update in their copy (payload of conversation.updated).
  changed: Record<string, unknown>;
  // The catalogue's dedicated event for this kind of change, sent besides conversation.updated.
  event?: 'conversation.status_changed' | 'assignee.changed';
};

// One kind of change (status, assignee, labels...), written once and used by the single-conversation
// action and by bulkUpdate alike.
export type ConversationChange = {
  set: ConversationPatch;
  // Runs inside the transaction once the conversations are locked: loads and checks what the change
  // needs (throwing INVALID_INPUT rolls everything back), then says per conversation what changes,
  // or null when it already has the value (a no-op writes nothing).
  prepare: (tx: Tx, rows: Conversation[]) => Promise<(row: Conversation) => PlannedChange | null>;
  // Writes beyond the conversations row (labels, participants, notifications), for the changed
  // conversations only; may return more events (e.g. notification.created) to publish after commit.
  afterWrite?: (tx: Tx, changed: Conversation[], context: { actorId: number; at: Date }) => Promise<RealtimeEvent[] | void>;
};

export type AppliedChange = { conversations: Conversation[]; changedCount: number };

// The one shape of every conversation state change: lock the conversations the actor may see (any
// other id: NOT_FOUND, nothing changes), apply the change and write one activity message per changed
// conversation in ONE transaction, then publish the events once it has committed.
export const applyConversationChange = async (
  ctx: Ctx,
  { conversationIds, change }: { conversationIds: number[]; change: ConversationChange },
): Promise<AppliedChange> => {
  const ids = [...new Set(conversationIds)].sort((a, b) => a - b);

  const outcome = await ctx.db.transaction(async (tx) => {
    // FOR UPDATE serialises two agents changing the same conversation, so each decides (no-op or
    // not) on the other's committed value; locking in id order keeps concurrent bulk changes from
    // deadlocking each other.
    const locked = await tx
      .select()
      .from(conversations)
      .where(and(inArray(conversations.id, ids), conversationScope(ctx.actor)))
      .orderBy(asc(conversations.id))
      .for('update');
    if (locked.length !== ids.length) throw new DomainError('NOT_FOUND', { entity: 'conversation' });

    const planOf = await change.prepare(tx, locked);
    const plans = new Map<number, PlannedChange>();
    for (const row of locked) {
      const plan = planOf(row);
      if (plan) plans.set(row.id, plan);
    }
    if (plans.size === 0) return { conversations: locked, changedCount: 0, events: [] };

    const at = ctx.now();
    const updated = await tx
      .update(conversations)
      .set({ ...change.set, updatedAt: at })
      .where(inArray(conversations.id, [...plans.keys()]))
      .returning();
    const extraEvents = (await change.afterWrite?.(tx, updated, { actorId: ctx.actor.userId, at })) ?? [];
    const changes = updated.map((conversation) => ({ conversation, plan: plans.get(conversation.id) as PlannedChange }));

    const written = await writeActorActivity(tx, ctx.actor, {
      at,
      entries: changes.map(({ conversation, plan }) => ({ conversation, activity: plan.activity })),
    });

    // Channels (#7): conversation_status_changed webhook deliveries, written in this transaction.
    const statusChanged = changes.filter(({ plan }) => plan.event === 'conversation.status_changed').map(({ conversation }) => conversation.id);
    await enqueueConversationWebhooks(tx, statusChanged, { event: 'conversation_status_changed', at, accountIds: [ctx.actor.accountId] });

    const messageOf = new Map(written.map((message) => [message.conversationId, message]));
    const updatedById = new Map(updated.map((row) => [row.id, row]));
    return {
      conversations: locked.map((row) => updatedById.get(row.id) ?? row),
      changedCount: updated.length,
      events: [...changes.flatMap(({ conversation, plan }) => changeEvents(conversation, plan, messageOf.get(conversation.id))), ...extraEvents],
    };
  });

  await publishAfterCommit(ctx, outcome.events);
  nudgeDeliveries();
  return { conversations: outcome.conversations, changedCount: outcome.changedCount };
};
