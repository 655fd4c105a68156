import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { conversationMutes, notifications, users } from '@/db/schema';
import type { RealtimeEvent } from '../events/publish';
import { enqueuePushDeliveries } from '../push/enqueue-pushes';
import { notificationCreatedEvents } from './notification-events';
import { shouldNotify } from './should-notify';

export type NotifyAssignmentOptions = {
  conversations: Array<{ id: number; accountId: number }>;
  assigneeId: number;
  // Who assigned: assigning yourself notifies nobody. Null for the system (automations).
  actorId: number | null;
  now: Date;
};

// "Assigned to me": a `conversation_assignment` notification for the new assignee of each
// conversation, unless they assigned it themselves or their preferences or a mute of that
// conversation say no (shouldNotify). Runs inside the change's transaction (the assignee was
// already checked to be allowed in the inbox); publish the returned events after commit.
export const notifyAssignment = async (db: DbOrTx, { conversations, assigneeId, actorId, now }: NotifyAssignmentOptions): Promise<RealtimeEvent[]> => {
  if (assigneeId === actorId || conversations.length === 0) return [];
  const [assignee] = await db.select({ preferences: users.preferences }).from(users).where(eq(users.id, assigneeId));
  if (!assignee) return [];
  const mutes = await db
    .select({ conversationId: conversationMutes.conversationId, mutedUntil: conversationMutes.mutedUntil })
    .from(conversationMutes)
    .where(and(eq(conversationMutes.userId, assigneeId), inArray(conversationMutes.conversationId, conversations.map((conversation) => conversation.id))));
  const mutedUntil = new Map(mutes.map((mute) => [mute.conversationId, mute.mutedUntil]));
  const notified = conversations.filter((conversation) =>
    shouldNotify({ type: 'conversation_assignment', mutedUntil: mutedUntil.get(conversation.id), notifyOn: assignee.preferences.notifyOn, now }),
  );
  if (notified.length === 0) return [];

  const rows = await db
    .insert(notifications)
    .values(
      notified.map((conversation) => ({
        accountId: conversation.accountId,
        userId: assigneeId,
        type: 'conversation_assignment' as const,
        conversationId: conversation.id,
        actorId,
        createdAt: now,
      })),
    )
    .returning({ id: notifications.id, userId: notifications.userId, conversationId: notifications.conversationId });
  await enqueuePushDeliveries(db, rows.map((row) => row.id), now);
  return rows.flatMap((row) => notificationCreatedEvents([row], { type: 'conversation_assignment', conversationId: row.conversationId as number }));
};
