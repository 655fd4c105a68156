import { isInboxChannel } from '@/lib/domain/events/inbox-channel';
import { LIST_EVENTS } from '@/lib/domain/events/list-events';
import type { TListStatus, TListTab } from '@/lib/domain/conversations/list/list-query';

// Typing is transient: the listeners show it; there is nothing new to re-read.
export const TRANSIENT_EVENTS = new Set(['conversation.typing_on', 'conversation.typing_off']);

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

// What an open list shows, for listMayChange: its tab and status filter (every view applies them),
// the agent, and the conversations it has cards for.
export type ShownList = { tab: TListTab; status: TListStatus; userId: number; shownIds: ReadonlySet<number> };

// Whether a list event can change what a list shows, so that it reads its first page again: one
// about a conversation it shows, or one that the conversation's status and assignee now
// (`conversation`, lib/domain/events/publish.ts) let into its tab and status. An event that does not
// say them (a contact's change) always can. Other agents' conversations leave a "Mías" list alone.
export const listMayChange = (event: string, data: Record<string, unknown>, list: ShownList): boolean => {
  if (!LIST_EVENTS.has(event)) return false;
  const state = data.conversation as { status?: unknown; assigneeId?: unknown } | undefined;
  const id = data.conversationId;
  if (typeof id !== 'number' || typeof state?.status !== 'string' || !(typeof state.assigneeId === 'number' || state.assigneeId === null)) return true;
  if (list.shownIds.has(id)) return true;
  const tabLetsIn = list.tab === 'all' || (list.tab === 'mine' ? state.assigneeId === list.userId : state.assigneeId === null);
  return tabLetsIn && (list.status === 'all' || state.status === list.status);
};
