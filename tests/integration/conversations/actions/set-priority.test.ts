import { describe, expect, it } from 'vitest';
import { setPriority } from '@/lib/domain/conversations/actions/set-priority';
import { useTestDatabase } from '../../../helpers/db';
import { activitiesOf, createWorkspace, reload } from '../../../helpers/conversation-actions-factories';
import { createAccount, createConversation, createInbox } from '../../../helpers/factories';

const database = useTestDatabase();

describe('setPriority', () => {
  it('sets the priority: "Carlos cambió la prioridad a urgente", then removes it', async () => {
    const { db } = database();
    const { ctx, me, conversation } = await createWorkspace(db, { name: 'Carlos' });
    const open = await conversation();

    expect((await setPriority(ctx, { conversationId: open.id, priority: 'urgent' })).priority).toBe('urgent');
    await setPriority(ctx, { conversationId: open.id, priority: 'none' });

    const activities = await activitiesOf(db, open.id);
    expect(activities.map((m) => m.content)).toEqual(['Carlos cambió la prioridad a urgente', 'Carlos quitó la prioridad']);
    expect(activities[0].contentAttributes.activity).toEqual({
      action: 'priority_changed',
      priority: 'urgent',
      previousPriority: 'none',
      actorId: me.id,
      actorName: 'Carlos',
    });
  });

  it('reads in English for an English account; the same priority is a no-op', async () => {
    const { db } = database();
    const { ctx, conversation } = await createWorkspace(db, { locale: 'en', name: 'Carlos' });
    const high = await conversation({ priority: 'high' });

    expect(await setPriority(ctx, { conversationId: high.id, priority: 'high' })).toEqual(high);
    expect(ctx.published).toEqual([]);
    await setPriority(ctx, { conversationId: high.id, priority: 'medium' });

    expect((await activitiesOf(db, high.id)).map((m) => m.content)).toEqual(['Carlos changed the priority to medium']);
  });

  it('refuses an unknown priority with INVALID_INPUT', async () => {
    const { db } = database();
    const { ctx, conversation } = await createWorkspace(db);
    const open = await conversation();

    await expect(setPriority(ctx, { conversationId: open.id, priority: 'critical' as never })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'priority' },
    });
    expect(await reload(db, open.id)).toEqual(open);
  });

  it("another account's conversation is NOT_FOUND and unchanged", async () => {
    const { db } = database();
    const { ctx } = await createWorkspace(db);
    const foreignAccount = await createAccount(db);
    const foreign = await createConversation(db, { accountId: foreignAccount.id, inboxId: (await createInbox(db, { accountId: foreignAccount.id })).id });

    await expect(setPriority(ctx, { conversationId: foreign.id, priority: 'urgent' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await reload(db, foreign.id)).priority).toBe('none');
    expect(await activitiesOf(db, foreign.id)).toEqual([]);
  });
});
