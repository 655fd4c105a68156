import { and, eq, notInArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { accountUsers, conversationMutes, conversationParticipants, inboxMembers, notifications, users } from '@/db/schema';
import type { RealtimeEvent } from '../events/publish';
import { notificationCreatedEvents } from '../notifications/notification-events';
import { enqueuePushDeliveries } from '../push/enqueue-pushes';
import { shouldNotify } from '../notifications/should-notify';

export type NotifyParticipantsOptions = {
  conversation: { id: number; accountId: number; inboxId: number };
  messageId: number;
  // Who wrote the message (an agent, never notified of their own message); null for a customer.
  actorId: number | null;
  // Agents already notified of this message otherwise (e.g. @mentioned): one notification each.
  skipUserIds?: number[];
  now: Date;
};

// P1 "participants get notifications": a `participating_message` notification for every participant
// of the conversation who may still see its inbox (active member of the account, member of the
// inbox or administrator), except the writer and `skipUserIds`, unless their mute or preferences
// say no (shouldNotify). One query to read, one insert; run it inside the message's transaction
// and publish the returned notification.created events after commit. For the message paths
// (sendMessage, inbound customer messages) to call.
export const notifyParticipants = async (
  db: DbOrTx,
  { conversation, messageId, actorId, skipUserIds = [], now }: NotifyParticipantsOptions,
): Promise<RealtimeEvent[]> => {
  const skipped = [...skipUserIds, ...(actorId === null ? [] : [actorId])];
  const candidates = await db
    .select({ userId: conversationParticipants.userId, preferences: users.preferences, mutedUntil: conversationMutes.mutedUntil })
    .from(conversationParticipants)
    .innerJoin(users, eq(users.id, conversationParticipants.userId))
    .innerJoin(
      accountUsers,
      and(eq(accountUsers.userId, conversationParticipants.userId), eq(accountUsers.accountId, conversation.accountId), eq(accountUsers.active, true)),
    )
    .leftJoin(inboxMembers, and(eq(inboxMembers.userId, conversationParticipants.userId), eq(inboxMembers.inboxId, conversation.inboxId)))
    .leftJoin(conversationMutes, and(eq(conversationMutes.userId, conversationParticipants.userId), eq(conversationMutes.conversationId, conversation.id)))
    .where(
      and(
        eq(conversationParticipants.conversationId, conversation.id),
        or(eq(accountUsers.role, 'administrator'), sql`${inboxMembers.inboxId} is not null`),
        skipped.length ? notInArray(conversationParticipants.userId, skipped) : undefined,
      ),
    );
  const notified = candidates.filter((row) => shouldNotify({ type: 'participating_message', mutedUntil: row.mutedUntil, notifyOn: row.preferences.notifyOn, now }));
  if (notified.length === 0) return [];

  const rows = await db
    .insert(notifications)
    .values(
      notified.map(({ userId }) => ({
        accountId: conversation.accountId,
        userId,
        type: 'participating_message' as const,
        conversationId: conversation.id,
        messageId,
        actorId,
        createdAt: now,
      })),
    )
    .returning({ id: notifications.id, userId: notifications.userId });
  await enqueuePushDeliveries(db, rows.map((row) => row.id), now);
  return notificationCreatedEvents(rows, { type: 'participating_message', conversationId: conversation.id, messageId });
};
