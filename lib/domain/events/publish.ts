import { inArray } from 'drizzle-orm';
import { conversations } from '@/db/schema';
import type { Ctx } from '../context';
import { forgetViewCounts } from '../conversations/list/count-views';
import { accountOfChannel, isInboxChannel } from './inbox-channel';
import { LIST_EVENTS } from './list-events';

// Chatwoot's event catalogue (DESIGN.md "Realtime").
export type RealtimeEventName =
  | 'conversation.created'
  | 'conversation.updated'
  | 'conversation.status_changed'
  | 'message.created'
  | 'message.updated'
  | 'assignee.changed'
  | 'conversation.mentioned'
  | 'contact.updated'
  | 'contact.merged'
  | 'contact.deleted'
  | 'notification.created'
  // The customer is typing / stopped (client API toggle_typing): transient, nothing re-reads.
  | 'conversation.typing_on'
  | 'conversation.typing_off';

// Payloads carry ids and the changed fields only: Pusher caps a message at 10 KB, and a client
// re-reads from Postgres whatever it shows.
export type RealtimeEvent = { channel: string; event: RealtimeEventName; data: Record<string, unknown> };

// Rings the realtime doorbell for changes that have ALREADY COMMITTED: call it after the
// transaction, never inside it, so that no client hears of a change that was rolled back.
// Postgres is the truth: a failed publish is logged and swallowed, it never fails the change.
// Whether an event moves conversations between the views panel's counts (count-views.ts): a new
// conversation, or a change of the fields the counts group by (status, assignee, team, priority,
// labels; every change sends conversation.updated with its changed fields, changeEvents). Those are
// read again at once in this process, so the agent who made the change sees it
// counted. A message's activity fields (unattended) and a contact's last-seen wait for the max age:
// they change with every message, and reading the counts again after each would defeat the cache.
const COUNTED_FIELDS = ['status', 'assigneeId', 'teamId', 'priority', 'addedLabelIds', 'removedLabelIds'];
const movesCounts = ({ event, data }: RealtimeEvent): boolean =>
  event === 'conversation.created' || (event === 'conversation.updated' && COUNTED_FIELDS.some((field) => field in data));

// `db`: the list events of a conversation on its inbox's channel also say its status and assignee as
// they are now (`conversation`), read when they are published (not while a transaction buffers
// them: in-transaction.ts publishes them again after its commit): an open list whose tab and status
// filter the conversation does not match, and which does not show it, need not read its first page
// again (listMayChange, components/realtime/refresh-urgency.ts).
export const publishAfterCommit = async (ctx: Pick<Ctx, 'realtime'> & Partial<Pick<Ctx, 'db'>>, events: RealtimeEvent[]): Promise<void> => {
  for (const event of events) {
    const accountId = movesCounts(event) ? accountOfChannel(event.channel) : null;
    if (accountId !== null) forgetViewCounts(accountId);
  }
  const withState = ctx.db && !ctx.realtime.buffered ? await withConversationState(ctx.db, events) : events;
  const results = await Promise.allSettled(withState.map(async ({ channel, event, data }) => ctx.realtime.publish(channel, event, data)));
  results.forEach((result, index) => {
    if (result.status === 'rejected') {
      const { channel, event } = events[index];
      console.error(`realtime: publishing ${event} on ${channel} failed`, result.reason);
    }
  });
};

// The list events (list-events.ts) about a conversation on an inbox channel, with
// `conversation: { status, assigneeId }` (one query for all of them), after the change has committed.
// A failed read leaves the events as they were: a list re-reads then.
const withConversationState = async (db: Ctx['db'], events: RealtimeEvent[]): Promise<RealtimeEvent[]> => {
  const conversationOf = ({ channel, event, data }: RealtimeEvent) =>
    LIST_EVENTS.has(event) && isInboxChannel(channel) && typeof data.conversationId === 'number' ? data.conversationId : null;
  const ids = [...new Set(events.map(conversationOf).filter((id) => id !== null))];
  if (!ids.length) return events;
  const rows = await db
    .select({ id: conversations.id, status: conversations.status, assigneeId: conversations.assigneeId })
    .from(conversations)
    .where(inArray(conversations.id, ids))
    .catch((error: unknown) => {
      console.error('realtime: reading the state of the conversations of an event failed', error);
      return [];
    });
  const states = new Map(rows.map(({ id, status, assigneeId }) => [id, { status, assigneeId }]));
  return events.map((event) => {
    const state = states.get(conversationOf(event) ?? 0);
    return state ? { ...event, data: { ...event.data, conversation: state } } : event;
  });
};
