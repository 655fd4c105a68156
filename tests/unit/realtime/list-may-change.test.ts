import { describe, expect, it } from 'vitest';
import { listMayChange, type ShownList } from '@/components/realtime/refresh-urgency';

// The list re-reads its first page only for events that can change its cards: every view applies
// the tab (assignee) and the status filter, so a conversation that matches neither and is not shown
// cannot enter the list.
const me = 5;
const list = (overrides: Partial<ShownList> = {}): ShownList => ({ tab: 'mine', status: 'open', userId: me, shownIds: new Set([7]), ...overrides });
const about = (conversationId: number, status: string, assigneeId: number | null) => ({ conversationId, conversation: { status, assigneeId } });

describe('listMayChange', () => {
  it("'Mías': my conversations and the ones shown, not other agents' others", () => {
    expect(listMayChange('message.created', about(9, 'open', me), list())).toBe(true);
    expect(listMayChange('message.created', about(9, 'open', 6), list())).toBe(false);
    expect(listMayChange('message.created', about(9, 'open', null), list())).toBe(false);
    // Shown: it may have to leave (assigned to someone else, resolved).
    expect(listMayChange('assignee.changed', about(7, 'open', 6), list())).toBe(true);
    expect(listMayChange('conversation.status_changed', about(7, 'resolved', me), list())).toBe(true);
  });

  it("'Sin asignar' and 'Todas'", () => {
    expect(listMayChange('conversation.created', about(9, 'open', null), list({ tab: 'unassigned' }))).toBe(true);
    expect(listMayChange('conversation.created', about(9, 'open', 6), list({ tab: 'unassigned' }))).toBe(false);
    expect(listMayChange('message.created', about(9, 'open', 6), list({ tab: 'all' }))).toBe(true);
  });

  it('the status filter: a resolved conversation does not enter an open list, any enters "all"', () => {
    expect(listMayChange('conversation.status_changed', about(9, 'resolved', me), list())).toBe(false);
    expect(listMayChange('conversation.status_changed', about(9, 'resolved', me), list({ status: 'resolved' }))).toBe(true);
    expect(listMayChange('message.created', about(9, 'snoozed', me), list({ status: 'all' }))).toBe(true);
  });

  it("an event that does not say the conversation's state always can; one that is not a list event never", () => {
    expect(listMayChange('message.created', { conversationId: 9 }, list())).toBe(true);
    expect(listMayChange('contact.updated', { contactId: 3 }, list())).toBe(true);
    expect(listMayChange('message.created', { conversationId: 9, conversation: { status: 'open' } }, list())).toBe(true);
    expect(listMayChange('message.updated', about(7, 'open', me), list())).toBe(false);
    expect(listMayChange('conversation.typing_on', about(7, 'open', me), list())).toBe(false);
  });
});
