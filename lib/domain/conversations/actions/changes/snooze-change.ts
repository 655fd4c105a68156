import type { ConversationChange } from '../apply-conversation-change';

// C2: status snoozed until a time, or (null) until the customer's next reply.
export const snoozeChange = (until: Date | null): ConversationChange => ({
  set: { status: 'snoozed', snoozedUntil: until },
  prepare: async () => (row) => {
    const sameUntil = (row.snoozedUntil?.getTime() ?? null) === (until?.getTime() ?? null);
    if (row.status === 'snoozed' && sameUntil) return null;
    const snoozedUntil = until?.toISOString() ?? null;
    return {
      activity: { action: 'snoozed', snoozedUntil, previousStatus: row.status },
      changed: { status: 'snoozed', previousStatus: row.status, snoozedUntil },
      event: 'conversation.status_changed',
    };
  },
});
