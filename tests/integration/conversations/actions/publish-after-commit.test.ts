import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { conversations } from '@/db/schema';
import { bulkUpdate } from '@/lib/domain/conversations/actions/bulk-update';
import { changeStatus } from '@/lib/domain/conversations/actions/change-status';
import { useTestDatabase } from '../../../helpers/db';
import { activitiesOf, createWorkspace, reload } from '../../../helpers/conversation-actions-factories';

const database = useTestDatabase();

afterEach(() => {
  vi.restoreAllMocks();
});

describe('realtime events of conversation actions', () => {
  it('rings the inbox channel with small payloads: ids and the changed fields', async () => {
    const { db } = database();
    const { ctx, accountId, inboxId, conversation } = await createWorkspace(db);
    const open = await conversation();

    await changeStatus(ctx, { conversationId: open.id, status: 'resolved' });

    const [activity] = await activitiesOf(db, open.id);
    const channel = `private-account-${accountId}-inbox-${inboxId}`;
    // With the conversation's status and assignee as they are now, for the lists (listMayChange).
    const now = { status: 'resolved', assigneeId: open.assigneeId };
    const changed = { conversationId: open.id, status: 'resolved', previousStatus: 'open', snoozedUntil: null, updatedAt: expect.any(String), conversation: now };
    expect(ctx.published).toEqual([
      { channel, event: 'conversation.updated', data: changed },
      { channel, event: 'conversation.status_changed', data: changed },
      { channel, event: 'message.created', data: { conversationId: open.id, messageId: activity.id, messageType: 'activity', conversation: now } },
    ]);
    for (const event of ctx.published) expect(JSON.stringify(event.data).length).toBeLessThan(10_240);
  });

  it('publishes only once the change is committed: other connections already see it', async () => {
    const { db } = database();
    const { ctx, conversation } = await createWorkspace(db);
    const open = await conversation();
    const seenAtPublish: string[] = [];
    ctx.realtime.publish = async () => {
      // With real PostgreSQL this reads through another pooled connection, which sees committed data only.
      const [row] = await db.select({ status: conversations.status }).from(conversations).where(eq(conversations.id, open.id));
      seenAtPublish.push(row.status);
    };

    await changeStatus(ctx, { conversationId: open.id, status: 'resolved' });

    expect(seenAtPublish).toEqual(['resolved', 'resolved', 'resolved']);
  });

  it('publishes nothing when the transaction fails at its last write, and nothing stays changed', async () => {
    const { db } = database();
    const { ctx, conversation } = await createWorkspace(db, { name: 'Saboteur' });
    const conversationsToChange = [await conversation(), await conversation()];
    // A real database failure at the very end (the activity insert), after the conversations were updated.
    await db.execute(sql`
      CREATE FUNCTION refuse_saboteur_activity() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.content_attributes -> 'activity' ->> 'actorName' = 'Saboteur' THEN RAISE EXCEPTION 'refused'; END IF;
        RETURN NEW;
      END $$`);
    await db.execute(sql`CREATE TRIGGER refuse_saboteur_activity BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION refuse_saboteur_activity()`);
    try {
      await expect(
        bulkUpdate(ctx, { conversationIds: conversationsToChange.map((row) => row.id), change: { kind: 'status', status: 'resolved' } }),
      ).rejects.toThrow();
      await expect(changeStatus(ctx, { conversationId: conversationsToChange[0].id, status: 'pending' })).rejects.toThrow();
    } finally {
      await db.execute(sql`DROP TRIGGER refuse_saboteur_activity ON messages`);
      await db.execute(sql`DROP FUNCTION refuse_saboteur_activity()`);
    }

    expect(ctx.published).toEqual([]);
    for (const row of conversationsToChange) {
      expect(await reload(db, row.id)).toEqual(row);
      expect(await activitiesOf(db, row.id)).toEqual([]);
    }
  });

  it('a realtime failure never fails the change: Postgres is the truth, the error is logged', async () => {
    const { db } = database();
    const { ctx, conversation } = await createWorkspace(db);
    const open = await conversation();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    ctx.realtime.publish = async () => {
      throw new Error('pusher is down');
    };

    const result = await changeStatus(ctx, { conversationId: open.id, status: 'resolved' });

    expect(result.status).toBe('resolved');
    expect((await reload(db, open.id)).status).toBe('resolved');
    expect(await activitiesOf(db, open.id)).toHaveLength(1);
    expect(logged).toHaveBeenCalledTimes(3);
  });
});
