import type { ConversationChange } from '../apply-conversation-change';
import type { TPriority } from '../schemas';

// X1: the conversation's priority (none, urgent, high, medium, low).
export const priorityChange = (priority: TPriority): ConversationChange => ({
  set: { priority },
  prepare: async () => (row) =>
    row.priority === priority
      ? null
      : { activity: { action: 'priority_changed', priority, previousPriority: row.priority }, changed: { priority } },
});
