import { isInboxChannel } from '@/lib/domain/events/inbox-channel';

// Whether a realtime event changes what the agent has in front of them, so the page re-reads it soon
// (REFRESH_DELAY_MS), or only the counts around it (the views panel, the tabs), which can wait
// (BACKGROUND_REFRESH_MS): a change to another conversation of an inbox, whose card the list
// re-reads at once by itself (conversation-cards.tsx). Soon: the agent's own channel (bell,
// mentions), the account's, a contact's change (the open chat's sidebar may show them) and anything
// about the open conversation.
export const concernsWhatIsOpen = (channel: string, event: string, data: Record<string, unknown>, openConversationId: number | null): boolean => {
  if (!isInboxChannel(channel)) return true;
  if (event.startsWith('contact.')) return true;
  return openConversationId !== null && data.conversationId === openConversationId;
};
