import { describe, expect, it } from 'vitest';
import { changeStatus } from '@/lib/domain/conversations/actions/change-status';
import { useTestDatabase } from '../../../helpers/db';
import { activitiesOf, createWorkspace, reload } from '../../../helpers/conversation-actions-factories';
import { actorFor, createAccount, createConversation, createInbox, createUser, ctxFor } from '../../../helpers/factories';

const database = useTestDatabase();

describe('changeStatus', () => {
  it('resolves a conversation and records "Laura cambió el estado a resuelta" in the account language', async () => {
    const { db } = database();
    const { ctx, me, conversation } = await createWorkspace(db, { name: 'Laura' });
    const open = await conversation();

    const result = await changeStatus(ctx, { conversationId: open.id, status: 'resolved' });

    expect(result).toMatchObject({ id: open.id, status: 'resolved', snoozedUntil: null });
    expect(result.updatedAt.getTime()).toBeGreaterThan(open.updatedAt.getTime());
    expect((await reload(db, open.id)).status).toBe('resolved');
    const [activity] = await activitiesOf(db, open.id);
    expect(activity).toMatchObject({
      messageType: 'activity',
      senderType: 'system',
      private: false,
      content: 'Laura cambió el estado a resuelta',
      contentAttributes: { activity: { action: 'status_changed', status: 'resolved', previousStatus: 'open', actorId: me.id, actorName: 'Laura' } },
    });
  });

  it('writes the sentence in English for an English account', async () => {
    const { db } = database();
    const { ctx, conversation } = await createWorkspace(db, { locale: 'en', name: 'Laura' });
    const open = await conversation();

    await changeStatus(ctx, { conversationId: open.id, status: 'pending' });

    expect((await activitiesOf(db, open.id)).map((m) => m.content)).toEqual(['Laura changed the status to pending']);
  });

  it('reopens a resolved conversation, recorded as "reabrió"', async () => {
    const { db } = database();
    const { ctx, conversation } = await createWorkspace(db, { name: 'Diego' });
    const resolved = await conversation({ status: 'resolved' });

    await changeStatus(ctx, { conversationId: resolved.id, status: 'open' });

    const [activity] = await activitiesOf(db, resolved.id);
    expect(activity.content).toBe('Diego reabrió la conversación');
    expect(activity.contentAttributes.activity).toMatchObject({ action: 'reopened', previousStatus: 'resolved' });
  });

  it('ends a snooze: opening a snoozed conversation clears its snooze time', async () => {
    const { db } = database();
    const { ctx, conversation } = await createWorkspace(db, { locale: 'en', name: 'Diego' });
    const snoozed = await conversation({ status: 'snoozed', snoozedUntil: new Date(Date.now() + 86_400_000) });

    const result = await changeStatus(ctx, { conversationId: snoozed.id, status: 'open' });

    expect(result).toMatchObject({ status: 'open', snoozedUntil: null });
    expect((await activitiesOf(db, snoozed.id)).map((m) => m.content)).toEqual(['Diego reopened the conversation']);
  });

  it('does not move the conversation up the "most recent" list: last activity stays with real messages', async () => {
    const { db } = database();
    const { ctx, conversation } = await createWorkspace(db);
    const open = await conversation({ lastActivityAt: new Date('2024-01-01T00:00:00Z') });

    await changeStatus(ctx, { conversationId: open.id, status: 'resolved' });

    expect((await reload(db, open.id)).lastActivityAt.toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });

  it('changing to the status it already has writes nothing and publishes nothing', async () => {
    const { db } = database();
    const { ctx, conversation } = await createWorkspace(db);
    const resolved = await conversation({ status: 'resolved' });

    const result = await changeStatus(ctx, { conversationId: resolved.id, status: 'resolved' });

    expect(result).toEqual(resolved);
    expect(await reload(db, resolved.id)).toEqual(resolved);
    expect(await activitiesOf(db, resolved.id)).toEqual([]);
    expect(ctx.published).toEqual([]);
  });

  it("another account's conversation, or one in an inbox the agent is not in, is NOT_FOUND and unchanged", async () => {
    const { db } = database();
    const { ctx, accountId } = await createWorkspace(db);
    const otherInbox = await createInbox(db, { accountId });
    const notMine = await createConversation(db, { accountId, inboxId: otherInbox.id });
    const foreignAccount = await createAccount(db);
    const foreign = await createConversation(db, { accountId: foreignAccount.id, inboxId: (await createInbox(db, { accountId: foreignAccount.id })).id });

    for (const hidden of [notMine, foreign]) {
      await expect(changeStatus(ctx, { conversationId: hidden.id, status: 'resolved' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await reload(db, hidden.id)).status).toBe('open');
      expect(await activitiesOf(db, hidden.id)).toEqual([]);
    }
    expect(ctx.published).toEqual([]);
  });

  it('an administrator may change a conversation of any inbox of the account', async () => {
    const { db } = database();
    const { accountId } = await createWorkspace(db);
    const inbox = await createInbox(db, { accountId });
    const admin = await createUser(db, { accountId, role: 'administrator', name: 'Carlos' });
    const ctx = ctxFor(db, await actorFor(db, admin.id, accountId));
    const open = await createConversation(db, { accountId, inboxId: inbox.id });

    await changeStatus(ctx, { conversationId: open.id, status: 'resolved' });

    expect((await activitiesOf(db, open.id)).map((m) => m.content)).toEqual(['Carlos cambió el estado a resuelta']);
  });

  it('refuses a status it does not set (snooze has its own action) with INVALID_INPUT, and a malformed id with NOT_FOUND', async () => {
    const { db } = database();
    const { ctx, conversation } = await createWorkspace(db);
    const open = await conversation();

    await expect(changeStatus(ctx, { conversationId: open.id, status: 'snoozed' as never })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'status' },
    });
    await expect(changeStatus(ctx, { conversationId: 'abc', status: 'resolved' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await activitiesOf(db, open.id)).toEqual([]);
  });
});
