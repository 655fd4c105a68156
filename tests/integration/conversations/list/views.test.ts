import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { mentions } from '@/db/schema';
import { listConversations } from '@/lib/domain/conversations/list/list-conversations';
import { actorFor, createAccount, createConversation, createInbox, createTeam, createUser, ctxFor } from '@/tests/helpers/factories';
import { useTestDatabase } from '@/tests/helpers/db';
import { createLabel, idsOf, labelConversation, mentionUser, setupAccount, storeSavedView, walkList } from '@/tests/helpers/list-factories';

const database = useTestDatabase();
const db = () => database().db;

// Membership is what these tests look at: every status and every tab.
const everything = { status: 'all', tab: 'all' } as const;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe('view membership (V1-V7)', () => {
  it('all: every conversation of every inbox the actor sees, whatever its channel (V1)', async () => {
    const { accountId, inboxId, ctx } = await setupAccount(db());
    const email = await createInbox(db(), { accountId, channelType: 'email' });
    const web = await createConversation(db(), { accountId, inboxId });
    const mail = await createConversation(db(), { accountId, inboxId: email.id });

    const cards = await walkList(ctx, { kind: 'all' }, everything);

    expect(idsOf(cards).sort()).toEqual([web.id, mail.id].sort());
  });

  it('mentions: only conversations where the actor was @mentioned, newest mention first (V2)', async () => {
    const { accountId, inboxId, adminId, ctx } = await setupAccount(db());
    const colleague = await createUser(db(), { accountId, inboxIds: [inboxId] });
    // Activity order is the opposite of mention order: the view must follow the mentions.
    const older = await createConversation(db(), { accountId, inboxId, lastActivityAt: minutesAgo(1) });
    const newer = await createConversation(db(), { accountId, inboxId, lastActivityAt: minutesAgo(30) });
    const colleagues = await createConversation(db(), { accountId, inboxId });
    await createConversation(db(), { accountId, inboxId });
    await mentionUser(db(), { accountId, userId: adminId, conversationId: older.id, mentionedAt: minutesAgo(20) });
    await mentionUser(db(), { accountId, userId: adminId, conversationId: newer.id, mentionedAt: minutesAgo(5) });
    await mentionUser(db(), { accountId, userId: colleague.id, conversationId: colleagues.id });

    const result = await listConversations(ctx, { kind: 'mentions' }, everything);

    expect(idsOf(result.items)).toEqual([newer.id, older.id]);
    expect(result.items[0].mentionedAt?.getTime()).toBeGreaterThan(result.items[1].mentionedAt?.getTime() ?? 0);
    expect(result.counts.all).toBe(2);
  });

  it('mentions: a mention moved forward brings the conversation to the top', async () => {
    const { accountId, inboxId, adminId, ctx } = await setupAccount(db());
    const conversations = [];
    for (let index = 0; index < 3; index += 1) {
      const conversation = await createConversation(db(), { accountId, inboxId });
      await mentionUser(db(), { accountId, userId: adminId, conversationId: conversation.id, mentionedAt: minutesAgo(10 + index) });
      conversations.push(conversation);
    }
    await db()
      .update(mentions)
      .set({ mentionedAt: new Date() })
      .where(and(eq(mentions.userId, adminId), eq(mentions.conversationId, conversations[2].id)));

    const cards = await walkList(ctx, { kind: 'mentions' }, everything);

    expect(idsOf(cards)).toEqual([conversations[2].id, conversations[0].id, conversations[1].id]);
  });

  it('unattended: first reply pending or customer waiting again, not the answered ones (V3)', async () => {
    const { accountId, inboxId, ctx } = await setupAccount(db());
    const firstReplyPending = await createConversation(db(), { accountId, inboxId });
    const customerWroteAgain = await createConversation(db(), {
      accountId,
      inboxId,
      firstReplyAt: minutesAgo(60),
      waitingSince: minutesAgo(5),
    });
    await createConversation(db(), { accountId, inboxId, firstReplyAt: minutesAgo(60) });

    const cards = await walkList(ctx, { kind: 'unattended' }, everything);

    expect(idsOf(cards).sort()).toEqual([firstReplyPending.id, customerWroteAgain.id].sort());
  });

  it('inbox: only that inbox (V4)', async () => {
    const { accountId, inboxId, ctx } = await setupAccount(db());
    const other = await createInbox(db(), { accountId });
    const here = await createConversation(db(), { accountId, inboxId });
    await createConversation(db(), { accountId, inboxId: other.id });

    const cards = await walkList(ctx, { kind: 'inbox', inboxId: String(inboxId) }, everything);

    expect(idsOf(cards)).toEqual([here.id]);
    expect(cards[0].inbox.id).toBe(inboxId);
  });

  it('label: only conversations with that label (V5); a label of another account is NOT_FOUND', async () => {
    const { accountId, inboxId, ctx } = await setupAccount(db());
    const billing = await createLabel(db(), { accountId, title: 'billing' });
    const sales = await createLabel(db(), { accountId, title: 'sales' });
    const labelled = await createConversation(db(), { accountId, inboxId });
    const both = await createConversation(db(), { accountId, inboxId });
    const other = await createConversation(db(), { accountId, inboxId });
    await labelConversation(db(), labelled.id, billing.id);
    await labelConversation(db(), both.id, billing.id, sales.id);
    await labelConversation(db(), other.id, sales.id);
    const foreign = await createLabel(db(), { accountId: (await createAccount(db())).id });

    const cards = await walkList(ctx, { kind: 'label', labelId: billing.id }, everything);

    expect(idsOf(cards).sort()).toEqual([labelled.id, both.id].sort());
    await expect(listConversations(ctx, { kind: 'label', labelId: foreign.id }, everything)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('team: the team conversations; agents open their own teams, administrators any team of the account (V6)', async () => {
    const { accountId, inboxId, ctx: admin } = await setupAccount(db());
    const sales = await createTeam(db(), { accountId });
    const support = await createTeam(db(), { accountId });
    const agentUser = await createUser(db(), { accountId, inboxIds: [inboxId], teamIds: [sales.id] });
    const agent = ctxFor(db(), await actorFor(db(), agentUser.id, accountId));
    const salesConversation = await createConversation(db(), { accountId, inboxId, teamId: sales.id });
    const supportConversation = await createConversation(db(), { accountId, inboxId, teamId: support.id });
    await createConversation(db(), { accountId, inboxId });

    expect(idsOf(await walkList(agent, { kind: 'team', teamId: sales.id }, everything))).toEqual([salesConversation.id]);
    expect(idsOf(await walkList(admin, { kind: 'team', teamId: support.id }, everything))).toEqual([supportConversation.id]);
    await expect(listConversations(agent, { kind: 'team', teamId: support.id }, everything)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const foreignTeam = await createTeam(db(), { accountId: (await createAccount(db())).id });
    await expect(listConversations(admin, { kind: 'team', teamId: foreignTeam.id }, everything)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('saved view: its stored filter, only for its owner (V7)', async () => {
    const { accountId, inboxId, adminId, ctx } = await setupAccount(db());
    const urgent = await createConversation(db(), { accountId, inboxId, priority: 'urgent' });
    await createConversation(db(), { accountId, inboxId, priority: 'low' });
    const filter = { operator: 'and', conditions: [{ field: 'priority', op: 'equal', value: 'urgent' }] };
    const mine = await storeSavedView(db(), { accountId, userId: adminId, filter });
    const colleague = await createUser(db(), { accountId, role: 'administrator', inboxIds: [inboxId] });
    const theirs = await storeSavedView(db(), { accountId, userId: colleague.id, filter });

    expect(idsOf(await walkList(ctx, { kind: 'saved', savedViewId: mine }, everything))).toEqual([urgent.id]);
    await expect(listConversations(ctx, { kind: 'saved', savedViewId: theirs }, everything)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('saved view and URL filter combine: both must hold', async () => {
    const { accountId, inboxId, adminId, ctx } = await setupAccount(db());
    const urgentMine = await createConversation(db(), { accountId, inboxId, priority: 'urgent', assigneeId: adminId });
    await createConversation(db(), { accountId, inboxId, priority: 'urgent' });
    await createConversation(db(), { accountId, inboxId, priority: 'low', assigneeId: adminId });
    const savedViewId = await storeSavedView(db(), {
      accountId,
      userId: adminId,
      filter: { operator: 'and', conditions: [{ field: 'priority', op: 'equal', value: 'urgent' }] },
    });

    const result = await listConversations(
      ctx,
      { kind: 'saved', savedViewId },
      { ...everything, filter: { operator: 'and', conditions: [{ field: 'assignee', op: 'equal', value: 'me' }] } },
    );

    expect(idsOf(result.items)).toEqual([urgentMine.id]);
  });

  it('a saved view whose stored filter no longer holds is INVALID_INPUT, not a 500', async () => {
    const { accountId, adminId, ctx } = await setupAccount(db());
    const savedViewId = await storeSavedView(db(), { accountId, userId: adminId, filter: { operator: 'xor', conditions: 'nope' } });

    await expect(listConversations(ctx, { kind: 'saved', savedViewId }, everything)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('a view id that is not an id is NOT_FOUND', async () => {
    const { ctx } = await setupAccount(db());

    for (const view of [
      { kind: 'inbox', inboxId: 'abc' },
      { kind: 'label', labelId: '-1' },
      { kind: 'team', teamId: '99999999999' },
      { kind: 'saved', savedViewId: '' },
      { kind: 'nonsense' },
    ]) {
      await expect(listConversations(ctx, view as never, everything)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});
