import type { NotificationItem } from './list-notifications';

export type NotificationGroup = {
  // The newest notification of the group: what the row shows and opens.
  latest: NotificationItem;
  // Every notification of the group, newest first.
  items: NotificationItem[];
  unread: number;
};

// The bell's rows: notifications of the same conversation and type fold into one ("3 mensajes
// nuevos en #166"), mentions first, then the rest by their newest notification. `items` come
// newest first (listNotifications' order); a group's position is its newest item's.
export const groupNotifications = (items: NotificationItem[]): NotificationGroup[] => {
  const groups = new Map<string, NotificationGroup>();
  for (const item of items) {
    const key = `${item.conversation.id}:${item.type}`;
    const group = groups.get(key);
    if (group) {
      group.items.push(item);
      if (item.readAt === null) group.unread++;
    } else {
      groups.set(key, { latest: item, items: [item], unread: item.readAt === null ? 1 : 0 });
    }
  }
  const all = [...groups.values()];
  // A stable sort: mentions first, each part keeping newest-first.
  return [...all.filter((group) => group.latest.type === 'conversation_mention'), ...all.filter((group) => group.latest.type !== 'conversation_mention')];
};
