import { describe, expect, test } from 'vitest';
import { groupNotifications } from '@/lib/domain/notifications/group-notifications';
import type { NotificationItem } from '@/lib/domain/notifications/list-notifications';

let nextId = 1;
const item = (conversationId: number, type: NotificationItem['type'], unread = true): NotificationItem => ({
  id: nextId++,
  type,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 100 - nextId)),
  readAt: unread ? null : new Date(),
  conversation: { id: conversationId, displayId: conversationId + 100, inboxId: 1 },
  contactName: 'Ana',
  actorName: null,
  excerpt: null,
});

describe('groupNotifications', () => {
  test('folds the same conversation and type into one row, mentions first, newest first otherwise', () => {
    const items = [
      item(66, 'participating_message'),
      item(66, 'participating_message'),
      item(70, 'conversation_assignment'),
      item(66, 'participating_message', false),
      item(80, 'conversation_mention'),
      item(66, 'conversation_mention'),
    ];
    const groups = groupNotifications(items);
    expect(groups.map((group) => [group.latest.conversation.id, group.latest.type, group.items.length, group.unread])).toEqual([
      [80, 'conversation_mention', 1, 1],
      [66, 'conversation_mention', 1, 1],
      [66, 'participating_message', 3, 2],
      [70, 'conversation_assignment', 1, 1],
    ]);
    expect(groups[2].latest).toBe(items[0]);
  });

  test('nothing in, nothing out', () => {
    expect(groupNotifications([])).toEqual([]);
  });
});
