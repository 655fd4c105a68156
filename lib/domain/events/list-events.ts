// The realtime events that can change which cards a conversation list shows, their order or their
// content: an open list reads its first page again after one (conversation-cards.tsx), and their
// payloads on an inbox channel say the conversation's status and assignee (publish.ts).
export const LIST_EVENTS: ReadonlySet<string> = new Set([
  'conversation.created',
  'conversation.updated',
  'conversation.status_changed',
  'message.created',
  'assignee.changed',
  'contact.updated',
  'contact.merged',
  'contact.deleted',
]);
