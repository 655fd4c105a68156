import { describe, expect, it } from 'vitest';
import { bulkUpdate } from '@/lib/domain/conversations/actions/bulk-update';
import { useTestDatabase } from '../../../helpers/db';
import { activitiesOf, createWorkspace, labelIdsOf, makeLabel, reload } from '../../../helpers/conversation-actions-factories';
import { actorFor, addInboxMember, createAccount, createConversation, createInbox, createTeam, createUser, ctxFor } from '../../../helpers/factories';

const database = useTestDatabase();

describe('bulkUpdate', () => {
  it('resolves every selected conversation, one activity message each, and counts those that changed', async () => {
    const { db } = database();
    const { ctx, conversation } = await createWorkspace(db, { name: 'Laura' });
    const first = await conversation();
    const second = await conversation({ status: 'pending' });
    const alreadyResolved = await conversation({ status: 'resolved' });

    const result = await bulkUpdate(ctx, {
      conversationIds: [first.id, second.id, alreadyResolved.id],
      change: { kind: 'status', status: 'resolved' },
    });

    expect(result).toEqual({ changed: 2 });
    for (const { id } of [first, second, alreadyResolved]) expect((await reload(db, id)).status).toBe('resolved');
    expect((await activitiesOf(db, first.id)).map((m) => m.content)).toEqual(['Laura cambió el estado a resuelta']);
    expect((await activitiesOf(db, second.id)).map((m) => m.content)).toEqual(['Laura cambió el estado a resuelta']);
    expect(await activitiesOf(db, alreadyResolved.id)).toEqual([]);
    expect(await reload(db, alreadyResolved.id)).toEqual(alreadyResolved);
  });

  it('is all or nothing: one conversation of another account, or of an inbox the agent is not in, and nothing changes', async () => {
    const { db } = database();
    const { ctx, accountId, conversation } = await createWorkspace(db);
    const mine = [await conversation(), await conversation()];
    const foreignAccount = await createAccount(db);
    const foreign = await createConversation(db, { accountId: foreignAccount.id, inboxId: (await createInbox(db, { accountId: foreignAccount.id })).id });
    const notMyInbox = await createConversation(db, { accountId, inboxId: (await createInbox(db, { accountId })).id });

    for (const hidden of [foreign, notMyInbox]) {
      await expect(
        bulkUpdate(ctx, { conversationIds: [mine[0].id, hidden.id, mine[1].id], change: { kind: 'status', status: 'resolved' } }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    for (const row of [...mine, foreign, notMyInbox]) {
      expect(await reload(db, row.id)).toEqual(row);
      expect(await activitiesOf(db, row.id)).toEqual([]);
    }
    expect(ctx.published).toEqual([]);
  });

  it('assigns an agent across inboxes only if they are a member of every one (INVALID_INPUT otherwise, nothing changes)', async () => {
    const { db } = database();
    const account = await createAccount(db);
    const support = await createInbox(db, { accountId: account.id });
    const sales = await createInbox(db, { accountId: account.id });
    const admin = await createUser(db, { accountId: account.id, role: 'administrator', name: 'Carlos' });
    const sofia = await createUser(db, { accountId: account.id, inboxIds: [support.id], name: 'Sofía' });
    const ctx = ctxFor(db, await actorFor(db, admin.id, account.id));
    const inSupport = await createConversation(db, { accountId: account.id, inboxId: support.id });
    const inSales = await createConversation(db, { accountId: account.id, inboxId: sales.id });
    const ids = [inSupport.id, inSales.id];

    await expect(bulkUpdate(ctx, { conversationIds: ids, change: { kind: 'assignee', assigneeId: sofia.id } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'assigneeId' },
    });
    expect((await reload(db, inSupport.id)).assigneeId).toBeNull();
    expect(await activitiesOf(db, inSupport.id)).toEqual([]);

    await addInboxMember(db, { inboxId: sales.id, userId: sofia.id });
    expect(await bulkUpdate(ctx, { conversationIds: ids, change: { kind: 'assignee', assigneeId: sofia.id } })).toEqual({ changed: 2 });
    for (const id of ids) {
      expect((await reload(db, id)).assigneeId).toBe(sofia.id);
      expect((await activitiesOf(db, id)).map((m) => m.content)).toEqual(['Carlos asignó la conversación a Sofía']);
    }
  });

  it('assigns a team, adds and removes labels on each conversation', async () => {
    const { db } = database();
    const { ctx, accountId, conversation } = await createWorkspace(db, { locale: 'en', name: 'Diego' });
    const team = await createTeam(db, { accountId, name: 'Billing' });
    const vip = await makeLabel(db, { accountId, title: 'vip' });
    const urgent = await makeLabel(db, { accountId, title: 'urgent' });
    const first = await conversation();
    const second = await conversation();
    const ids = [first.id, second.id];

    expect(await bulkUpdate(ctx, { conversationIds: ids, change: { kind: 'team', teamId: team.id } })).toEqual({ changed: 2 });
    expect(await bulkUpdate(ctx, { conversationIds: ids, change: { kind: 'add_labels', labelIds: [vip.id, urgent.id] } })).toEqual({ changed: 2 });
    expect(await bulkUpdate(ctx, { conversationIds: [first.id], change: { kind: 'remove_labels', labelIds: [vip.id] } })).toEqual({ changed: 1 });

    expect((await reload(db, second.id)).teamId).toBe(team.id);
    expect(await labelIdsOf(db, first.id)).toEqual([urgent.id]);
    expect(await labelIdsOf(db, second.id)).toEqual([vip.id, urgent.id].sort((a, b) => a - b));
    expect((await activitiesOf(db, first.id)).map((m) => m.content)).toEqual([
      'Diego assigned the team Billing',
      'Diego added the labels urgent, vip',
      'Diego removed the label vip',
    ]);
  });

  it('publishes, after commit, the events of each changed conversation on its own inbox channel', async () => {
    const { db } = database();
    const { ctx, accountId, inboxId, conversation } = await createWorkspace(db);
    const first = await conversation();
    const second = await conversation();

    await bulkUpdate(ctx, { conversationIds: [first.id, second.id], change: { kind: 'status', status: 'pending' } });

    const channel = `private-account-${accountId}-inbox-${inboxId}`;
    for (const { id } of [first, second]) {
      const events = ctx.published.filter((event) => event.data.conversationId === id);
      expect(events.map((event) => [event.channel, event.event])).toEqual([
        [channel, 'conversation.updated'],
        [channel, 'conversation.status_changed'],
        [channel, 'message.created'],
      ]);
    }
  });

  it('refuses an empty selection or more than 100 conversations, and an unknown kind of change (INVALID_INPUT)', async () => {
    const { db } = database();
    const { ctx, conversation } = await createWorkspace(db);
    const open = await conversation();
    const many = Array.from({ length: 101 }, (_, index) => index + 1);

    await expect(bulkUpdate(ctx, { conversationIds: [], change: { kind: 'status', status: 'resolved' } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'conversationIds' },
    });
    await expect(bulkUpdate(ctx, { conversationIds: many, change: { kind: 'status', status: 'resolved' } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(bulkUpdate(ctx, { conversationIds: [open.id], change: { kind: 'delete' } as never })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await reload(db, open.id)).toEqual(open);
  });
});
