import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { conversations } from '@/db/schema';
import { assignTeam } from '@/lib/domain/conversations/actions/assign-team';
import { changeStatus } from '@/lib/domain/conversations/actions/change-status';
import { setPriority } from '@/lib/domain/conversations/actions/set-priority';
import { inTransaction } from '@/lib/domain/transactions/in-transaction';
import { sendTranscript } from '@/lib/domain/transcripts/send-transcript';
import { activitiesOf, reload } from '../../helpers/conversation-actions-factories';
import { useTestDatabase } from '../../helpers/db';
import { createTeamWorkspace } from '../../helpers/macro-factories';

const database = useTestDatabase();

describe('inTransaction: single actions composed into one transaction', () => {
  it('commits them together and publishes their events and mail only after the commit', async () => {
    const { db } = database();
    const { agent, conversation } = await createTeamWorkspace(db);
    const open = await conversation({ contactEmail: 'cliente@example.test' });
    const { ctx } = agent;
    const seenAtPublish: string[] = [];
    const publish = ctx.realtime.publish;
    ctx.realtime.publish = async (channel, event, data) => {
      // With real PostgreSQL this reads through another pooled connection: it sees committed data only.
      const [row] = await db.select({ status: conversations.status, priority: conversations.priority }).from(conversations).where(eq(conversations.id, open.id));
      seenAtPublish.push(`${row.status}/${row.priority}`);
      await publish(channel, event, data);
    };

    const result = await inTransaction(ctx, async (txCtx) => {
      await changeStatus(txCtx, { conversationId: open.id, status: 'pending' });
      await setPriority(txCtx, { conversationId: open.id, priority: 'urgent' });
      await sendTranscript(txCtx, { conversationId: open.id, to: 'contact' });
      // Nothing has left yet.
      expect(ctx.published).toEqual([]);
      expect(ctx.sentMail).toEqual([]);
      return 'done';
    });

    expect(result).toBe('done');
    expect(await reload(db, open.id)).toMatchObject({ status: 'pending', priority: 'urgent' });
    expect((await activitiesOf(db, open.id)).map((m) => m.content)).toEqual(['Carlos cambió el estado a pendiente', 'Carlos cambió la prioridad a urgente']);
    // publishAfterCommit rings them concurrently: compared as a set of events.
    expect(ctx.published.map((e) => e.event).sort()).toEqual([
      'conversation.status_changed',
      'conversation.updated',
      'conversation.updated',
      'message.created',
      'message.created',
    ]);
    expect(new Set(seenAtPublish)).toEqual(new Set(['pending/urgent']));
    expect(ctx.sentMail.map((mail) => mail.to)).toEqual([['cliente@example.test']]);
  });

  it('a failure rolls back every action already applied: no row, no event, no mail', async () => {
    const { db } = database();
    const { agent, conversation } = await createTeamWorkspace(db);
    const open = await conversation({ contactEmail: 'cliente@example.test' });
    const { ctx } = agent;

    await expect(
      inTransaction(ctx, async (txCtx) => {
        await changeStatus(txCtx, { conversationId: open.id, status: 'resolved' });
        await sendTranscript(txCtx, { conversationId: open.id, to: 'contact' });
        await assignTeam(txCtx, { conversationId: open.id, teamId: 2_000_000_000 });
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'teamId' } });

    expect(await reload(db, open.id)).toEqual(open);
    expect(await activitiesOf(db, open.id)).toEqual([]);
    expect(ctx.published).toEqual([]);
    expect(ctx.sentMail).toEqual([]);
  });

  it('nests: an inner call that fails rolls back to its savepoint and drops its events; the outer call goes on and commits', async () => {
    const { db } = database();
    const { agent, conversation } = await createTeamWorkspace(db);
    const open = await conversation();
    const { ctx } = agent;

    await inTransaction(ctx, async (outer) => {
      await changeStatus(outer, { conversationId: open.id, status: 'pending' });
      await inTransaction(outer, async (inner) => {
        await setPriority(inner, { conversationId: open.id, priority: 'high' });
        throw new Error('inner step failed');
      }).catch(() => {});
      // A committed inner call hands its events to the outer one, still unpublished.
      await inTransaction(outer, async (inner) => {
        await setPriority(inner, { conversationId: open.id, priority: 'low' });
      });
      expect(ctx.published).toEqual([]);
    });

    expect(await reload(db, open.id)).toMatchObject({ status: 'pending', priority: 'low' });
    expect((await activitiesOf(db, open.id)).map((m) => m.content)).toEqual(['Carlos cambió el estado a pendiente', 'Carlos cambió la prioridad a baja']);
    expect(ctx.published.filter((e) => e.event === 'conversation.updated').map((e) => e.data.priority ?? e.data.status)).toEqual(['pending', 'low']);
  });
});
