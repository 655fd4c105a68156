import type { Conversation, Message } from '@/db/schema';
import { inboxChannel } from '../../events/inbox-channel';
import type { RealtimeEvent } from '../../events/publish';

// What clients hear of one conversation's change: conversation.updated with the changed fields, the
// catalogue's dedicated event when there is one, and message.created for its activity message.
// Shared by the agents' actions (applyConversationChange) and the system's (snooze wake-up).
export const changeEvents = (
  conversation: Conversation,
  plan: { changed: Record<string, unknown>; event?: 'conversation.status_changed' | 'assignee.changed' },
  message: Message | undefined,
): RealtimeEvent[] => {
  const channel = inboxChannel(conversation);
  const data = { conversationId: conversation.id, ...plan.changed, updatedAt: conversation.updatedAt.toISOString() };
  return [
    { channel, event: 'conversation.updated', data },
    ...(plan.event ? [{ channel, event: plan.event, data }] : []),
    ...(message
      ? [{ channel, event: 'message.created' as const, data: { conversationId: conversation.id, messageId: message.id, messageType: message.messageType } }]
      : []),
  ];
};
