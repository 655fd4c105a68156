import type { RealtimeEvent } from '../events/publish';
import type { NotificationType } from './should-notify';

// The users channel of mentions and notifications (DESIGN.md "Realtime").
export const userChannel = (userId: number): string => `private-user-${userId}`;

// notification.created for each inserted notification, on its user's channel: ids and the type only,
// the bell re-reads the rest.
export const notificationCreatedEvents = (
  rows: Array<{ id: number; userId: number }>,
  data: { type: NotificationType; conversationId: number; messageId?: number | null },
): RealtimeEvent[] =>
  rows.map(({ id, userId }) => ({
    channel: userChannel(userId),
    event: 'notification.created' as const,
    data: { notificationId: id, ...data },
  }));
