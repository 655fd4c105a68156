import { describe, expect, it } from 'vitest';
import { changeStatus } from '@/lib/domain/conversations/actions/change-status';
import { snoozeConversation } from '@/lib/domain/conversations/actions/snooze-conversation';
import { useTestDatabase } from '../../helpers/db';
import { activitiesOf, createWorkspace, reload } from '../../helpers/conversation-actions-factories';

// C2: every transition between the four statuses (and both kinds of snooze), each with its activity
// message. (The action tests in tests/integration/conversations/actions cover the details.)
const database = useTestDatabase();

const now = new Date('2025-03-11T15:00:00Z');
const later = new Date('2025-03-12T15:00:00Z');

type State = 'open' | 'resolved' | 'pending' | 'snoozed_until_time' | 'snoozed_until_reply';
const STATES: State[] = ['open', 'resolved', 'pending', 'snoozed_until_time', 'snoozed_until_reply'];

const stored = (state: State) =>
  state === 'snoozed_until_time'
    ? { status: 'snoozed' as const, snoozedUntil: later }
    : state === 'snoozed_until_reply'
      ? { status: 'snoozed' as const, snoozedUntil: null }
      : { status: state, snoozedUntil: null };

// The sentence each target writes, whatever the source (reopening has its own wording).
const sentence = (from: State, to: State): string => {
  if (to === 'open') return from === 'pending' ? 'Laura cambió el estado a abierta' : 'Laura reabrió la conversación';
  if (to === 'resolved') return 'Laura cambió el estado a resuelta';
  if (to === 'pending') return 'Laura cambió el estado a pendiente';
  if (to === 'snoozed_until_reply') return 'Laura pospuso la conversación hasta la siguiente respuesta del cliente';
  return 'Laura pospuso la conversación hasta el 12 de marzo de 2025';
};

const apply = (ctx: Parameters<typeof changeStatus>[0], conversationId: number, to: State) =>
  to === 'snoozed_until_time'
    ? snoozeConversation(ctx, { conversationId, until: later })
    : to === 'snoozed_until_reply'
      ? snoozeConversation(ctx, { conversationId, until: null })
      : changeStatus(ctx, { conversationId, status: to });

describe('status transitions', () => {
  const transitions = STATES.flatMap((from) => STATES.filter((to) => to !== from).map((to) => [from, to] as const));

  it.each(transitions)('%s → %s changes the status and writes one activity message', async (from, to) => {
    const { db } = database();
    const { ctx, conversation } = await createWorkspace(db, { now, name: 'Laura' });
    const before = await conversation(stored(from));

    const after = await apply(ctx, before.id, to);

    expect(after).toMatchObject(stored(to));
    expect(await reload(db, before.id)).toMatchObject(stored(to));
    const activities = await activitiesOf(db, before.id);
    expect(activities).toHaveLength(1);
    expect(activities[0].content?.startsWith(sentence(from, to))).toBe(true);
    expect(ctx.published.map((event) => event.event)).toEqual(['conversation.updated', 'conversation.status_changed', 'message.created']);
  });
});
