import { describe, expect, it } from 'vitest';
import { wakeSnoozedConversations } from '@/lib/domain/sweeps/wake-snoozed';
import { snoozeConversation } from '@/lib/domain/conversations/actions/snooze-conversation';
import { useTestDatabase } from '../../helpers/db';
import { activitiesOf, createWorkspace, reload } from '../../helpers/conversation-actions-factories';
import type { PublishedEvent } from '../../helpers/factories';
import { createAccount, createConversation, createInbox } from '../../helpers/factories';

const database = useTestDatabase();

// The realtime port as the sweep gets it from server.ts, recording what it publishes.
const recorder = () => {
  const published: PublishedEvent[] = [];
  const realtime = {
    publish: async (channel: string, event: string, data: Record<string, unknown>) => {
      published.push({ channel, event, data });
    },
    endUserConnections: async () => {},
  };
  return { published, realtime };
};

describe('wakeSnoozedConversations (C2: a snoozed conversation reopens by itself)', () => {
  it('reopens a conversation whose snooze time has come, writes the system activity message and publishes after commit', async () => {
    const { db } = database();
    const { conversation, accountId, inboxId } = await createWorkspace(db);
    const until = new Date('2030-03-12T15:00:00Z');
    const snoozed = await conversation({ status: 'snoozed', snoozedUntil: until });
    const { published, realtime } = recorder();

    await wakeSnoozedConversations(db, { now: new Date('2030-03-12T15:00:30Z'), realtime });

    expect(await reload(db, snoozed.id)).toMatchObject({ status: 'open', snoozedUntil: null });
    const activities = await activitiesOf(db, snoozed.id);
    expect(activities).toHaveLength(1);
    expect(activities[0]).toMatchObject({
      content: 'La conversación se reabrió al terminar la posposición',
      senderType: 'system',
      private: false,
      createdAt: new Date('2030-03-12T15:00:30Z'),
      contentAttributes: { activity: { action: 'snooze_ended', reason: 'time', snoozedUntil: until.toISOString(), actorId: null, actorName: null } },
    });
    const mine = published.filter((event) => event.data.conversationId === snoozed.id);
    expect(mine.map((event) => event.event)).toEqual(['conversation.updated', 'conversation.status_changed', 'message.created']);
    expect(mine[0]).toMatchObject({ channel: `private-account-${accountId}-inbox-${inboxId}`, data: { status: 'open', previousStatus: 'snoozed' } });
    expect(mine[2].data).toMatchObject({ messageId: activities[0].id });
  });

  it('wakes nothing early: a snooze one second in the future stays, and is woken by the next run once due', async () => {
    const { db } = database();
    const { conversation } = await createWorkspace(db);
    const until = new Date('2031-01-05T09:00:00Z');
    const snoozed = await conversation({ status: 'snoozed', snoozedUntil: until });
    const { realtime } = recorder();

    await wakeSnoozedConversations(db, { now: new Date(until.getTime() - 1000), realtime });
    expect(await reload(db, snoozed.id)).toMatchObject({ status: 'snoozed', snoozedUntil: until });
    expect(await activitiesOf(db, snoozed.id)).toEqual([]);

    await wakeSnoozedConversations(db, { now: until, realtime });
    expect((await reload(db, snoozed.id)).status).toBe('open');
  });

  it('is idempotent: running again wakes nothing more and writes no second activity message', async () => {
    const { db } = database();
    const { conversation } = await createWorkspace(db);
    const snoozed = await conversation({ status: 'snoozed', snoozedUntil: new Date('2032-01-01T00:00:00Z') });
    const { published, realtime } = recorder();
    const now = new Date('2032-01-01T00:01:00Z');

    await wakeSnoozedConversations(db, { now, realtime });
    const afterFirst = published.length;
    await wakeSnoozedConversations(db, { now, realtime });

    expect(await activitiesOf(db, snoozed.id)).toHaveLength(1);
    expect(published.filter((event) => event.data.conversationId === snoozed.id)).toHaveLength(3);
    expect(published.length).toBe(afterFirst);
  });

  it('never wakes a snooze "until the customer\'s next reply", nor open, pending or resolved conversations', async () => {
    const { db } = database();
    const { conversation } = await createWorkspace(db);
    const untilReply = await conversation({ status: 'snoozed', snoozedUntil: null });
    const pending = await conversation({ status: 'pending' });
    const resolved = await conversation({ status: 'resolved' });
    const { realtime } = recorder();

    await wakeSnoozedConversations(db, { now: new Date('2099-01-01T00:00:00Z'), realtime });

    expect((await reload(db, untilReply.id)).status).toBe('snoozed');
    expect((await reload(db, pending.id)).status).toBe('pending');
    expect((await reload(db, resolved.id)).status).toBe('resolved');
    for (const untouched of [untilReply, pending, resolved]) expect(await activitiesOf(db, untouched.id)).toEqual([]);
  });

  it("writes each account's sentence in that account's language, across accounts in one run", async () => {
    const { db } = database();
    const english = await createAccount(db, { locale: 'en' });
    const spanish = await createAccount(db, { locale: 'es' });
    const until = new Date('2033-06-01T09:00:00Z');
    const inEnglish = await createConversation(db, {
      accountId: english.id,
      inboxId: (await createInbox(db, { accountId: english.id })).id,
      status: 'snoozed',
      snoozedUntil: until,
    });
    const inSpanish = await createConversation(db, {
      accountId: spanish.id,
      inboxId: (await createInbox(db, { accountId: spanish.id })).id,
      status: 'snoozed',
      snoozedUntil: until,
    });

    await wakeSnoozedConversations(db, { now: until, realtime: recorder().realtime });

    expect((await activitiesOf(db, inEnglish.id)).map((m) => m.content)).toEqual(['The conversation reopened when its snooze ended']);
    expect((await activitiesOf(db, inSpanish.id)).map((m) => m.content)).toEqual(['La conversación se reabrió al terminar la posposición']);
  });

  it('an agent snoozes with snoozeConversation, and the sweep ends exactly that snooze', async () => {
    const { db } = database();
    const now = new Date('2034-02-01T10:00:00Z');
    const { ctx, conversation } = await createWorkspace(db, { now, name: 'Carlos' });
    const open = await conversation();
    const until = new Date('2034-02-02T15:00:00Z');

    await snoozeConversation(ctx, { conversationId: open.id, until });
    await wakeSnoozedConversations(db, { now: new Date('2034-02-02T15:00:20Z'), realtime: recorder().realtime });

    const activities = await activitiesOf(db, open.id);
    expect(activities.map((m) => m.contentAttributes.activity?.action)).toEqual(['snoozed', 'snooze_ended']);
    expect((await reload(db, open.id)).status).toBe('open');
  });

  it('a failing realtime publisher does not undo the wake-up (Postgres is the truth)', async () => {
    const { db } = database();
    const { conversation } = await createWorkspace(db);
    const snoozed = await conversation({ status: 'snoozed', snoozedUntil: new Date('2035-01-01T00:00:00Z') });
    const failing = {
      publish: async () => {
        throw new Error('pusher is down');
      },
      endUserConnections: async () => {},
    };
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      await wakeSnoozedConversations(db, { now: new Date('2035-01-01T00:00:01Z'), realtime: failing });
    } finally {
      console.error = original;
    }

    expect((await reload(db, snoozed.id)).status).toBe('open');
    expect(await activitiesOf(db, snoozed.id)).toHaveLength(1);
    expect(errors.length).toBeGreaterThan(0);
  });
});
