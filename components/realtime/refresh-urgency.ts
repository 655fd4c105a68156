import { isInboxChannel } from '@/lib/domain/events/inbox-channel';

// Typing is transient: the listeners show it; there is nothing new to re-read.
export const TRANSIENT_EVENTS = new Set(['conversation.typing_on', 'conversation.typing_off']);

// The events that can change which cards a list shows, their order or their content: the list
// re-reads its first page at once (conversation-cards.tsx).
export const LIST_EVENTS = new Set(['conversation.created', 'conversation.updated', 'conversation.status_changed', 'message.created', 'assignee.changed', 'contact.updated', 'contact.merged', 'contact.deleted']);

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
