import { describe, expect, it } from 'vitest';
import { wakeOnCustomerMessage } from '@/lib/domain/conversations/actions/wake-on-customer-message';
import { wakeSnoozedConversations } from '@/lib/domain/sweeps/wake-snoozed';
import { useTestDatabase } from '../../helpers/db';
import { activitiesOf, createWorkspace, reload } from '../../helpers/conversation-actions-factories';

const database = useTestDatabase();

const now = new Date('2025-05-05T12:00:00Z');

describe('wakeOnCustomerMessage (C2: the customer writes to a snoozed conversation)', () => {
  it('reopens a conversation snoozed until a time, before that time, with the system activity message', async () => {
    const { db } = database();
    const { conversation, accountId, inboxId } = await createWorkspace(db);
    const until = new Date('2025-05-12T14:00:00Z');
    const snoozed = await conversation({ status: 'snoozed', snoozedUntil: until });

    const result = await db.transaction((tx) => wakeOnCustomerMessage(tx, snoozed, { now }));

    expect(result?.conversation).toMatchObject({ id: snoozed.id, status: 'open', snoozedUntil: null, updatedAt: now });
    expect(await reload(db, snoozed.id)).toMatchObject({ status: 'open', snoozedUntil: null });
    const activities = await activitiesOf(db, snoozed.id);
    expect(activities).toHaveLength(1);
    expect(activities[0]).toMatchObject({
      content: 'La conversación se reabrió con la respuesta del cliente',
      senderType: 'system',
      createdAt: now,
      contentAttributes: { activity: { action: 'snooze_ended', reason: 'customer_reply', snoozedUntil: until.toISOString(), actorId: null } },
    });
    // The events are the caller's to publish after its commit.
    expect(result?.events.map((event) => event.event)).toEqual(['conversation.updated', 'conversation.status_changed', 'message.created']);
    expect(result?.events[0].channel).toBe(`private-account-${accountId}-inbox-${inboxId}`);
  });

  it('reopens a conversation snoozed "until the customer\'s next reply" (in English for an English account)', async () => {
    const { db } = database();
    const { conversation } = await createWorkspace(db, { locale: 'en' });
    const snoozed = await conversation({ status: 'snoozed', snoozedUntil: null });

    const result = await db.transaction((tx) => wakeOnCustomerMessage(tx, snoozed, { now }));

    expect(result?.conversation.status).toBe('open');
    expect((await activitiesOf(db, snoozed.id)).map((m) => m.content)).toEqual(['The conversation reopened when the customer replied']);
    expect((await activitiesOf(db, snoozed.id))[0].contentAttributes.activity).toMatchObject({ snoozedUntil: null });
  });

  it('does nothing to a conversation that is not snoozed (open, pending, resolved): returns null, writes nothing', async () => {
    const { db } = database();
    const { conversation } = await createWorkspace(db);
    for (const status of ['open', 'pending', 'resolved'] as const) {
      const row = await conversation({ status });
      expect(await db.transaction((tx) => wakeOnCustomerMessage(tx, row, { now }))).toBeNull();
      expect(await reload(db, row.id)).toEqual(row);
      expect(await activitiesOf(db, row.id)).toEqual([]);
    }
  });

  it('rolls back with the inbound transaction: a failed message store leaves the conversation snoozed', async () => {
    const { db } = database();
    const { conversation } = await createWorkspace(db);
    const snoozed = await conversation({ status: 'snoozed', snoozedUntil: null });

    await expect(
      db.transaction(async (tx) => {
        await wakeOnCustomerMessage(tx, snoozed, { now });
        throw new Error('storing the message failed');
      }),
    ).rejects.toThrow('storing the message failed');

    expect((await reload(db, snoozed.id)).status).toBe('snoozed');
    expect(await activitiesOf(db, snoozed.id)).toEqual([]);
  });

  it('a reply and the sweep reopen the conversation once between them', async () => {
    const { db } = database();
    const { conversation } = await createWorkspace(db);
    const snoozed = await conversation({ status: 'snoozed', snoozedUntil: new Date('2025-05-05T11:59:00Z') });

    const [byReply] = await Promise.all([
      db.transaction((tx) => wakeOnCustomerMessage(tx, snoozed, { now })),
      wakeSnoozedConversations(db, { now, realtime: { publish: async () => {}, endUserConnections: async () => {} } }),
    ]);
    // Whichever came first reopened it; the other found it open.
    const activities = await activitiesOf(db, snoozed.id);
    expect(activities).toHaveLength(1);
    expect(activities[0].contentAttributes.activity?.reason).toBe(byReply ? 'customer_reply' : 'time');
    expect((await db.transaction((tx) => wakeOnCustomerMessage(tx, snoozed, { now })))).toBeNull();
  });
});
