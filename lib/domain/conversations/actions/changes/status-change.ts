import type { Activity } from '../../../activity/activity-text';
import type { ConversationChange } from '../apply-conversation-change';
import type { TActionStatus } from '../schemas';

// C2: open, resolve or mark pending. Any of them ends a snooze (snoozedUntil cleared); opening a
// resolved or snoozed conversation is recorded as "reopened".
export const statusChange = (status: TActionStatus): ConversationChange => ({
  set: { status, snoozedUntil: null },
  prepare: async () => (row) => {
    if (row.status === status) return null;
    const activity: Activity =
      status === 'open' && (row.status === 'resolved' || row.status === 'snoozed')
        ? { action: 'reopened', previousStatus: row.status }
        : { action: 'status_changed', status, previousStatus: row.status };
    return {
      activity,
      changed: { status, previousStatus: row.status, snoozedUntil: null },
      event: 'conversation.status_changed',
    };
  },
});
