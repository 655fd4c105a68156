import { describe, expect, it } from 'vitest';
import { countViews } from '@/lib/domain/conversations/list/count-views';
import { processCountsCache } from '@/lib/domain/conversations/list/counts-cache';
import { addLabels } from '@/lib/domain/conversations/actions/add-labels';
import { assignTeam } from '@/lib/domain/conversations/actions/assign-team';
import { changeStatus } from '@/lib/domain/conversations/actions/change-status';
import { sendMessage } from '@/lib/domain/messages/send-message';
import { createSavedView } from '@/lib/domain/saved-views/create-saved-view';
import { actorFor, createAccount, createConversation, createInbox, createTeam, createUser, ctxFor } from '@/tests/helpers/factories';
import { useTestDatabase } from '@/tests/helpers/db';
import { createLabel, labelConversation, mentionUser, setupAccount, storeSavedView, walkList } from '@/tests/helpers/list-factories';

const database = useTestDatabase();
const db = () => database().db;

// An account whose administrator's clock stands at `at`, with the process's counts forgotten.
const freshAccountAt = async (at: string) => {
  processCountsCache().clear();
  const { accountId, inboxId, adminId } = await setupAccount(db());
  const admin = ctxFor(db(), await actorFor(db(), adminId, accountId), { now: () => new Date(at) });
  return { accountId, inboxId, admin };
};

describe('view counts (views panel)', () => {
  it('counts open conversations per view, zero included, equal to what each view lists', async () => {
    const { accountId, inboxId, adminId, ctx } = await setupAccount(db());
    const second = await createInbox(db(), { accountId });
    const empty = await createInbox(db(), { accountId });
    const billing = await createLabel(db(), { accountId });
    const unused = await createLabel(db(), { accountId });
    const sales = await createTeam(db(), { accountId });
    const support = await createTeam(db(), { accountId });

    const a = await createConversation(db(), { accountId, inboxId, teamId: sales.id, priority: 'urgent' });
    const b = await createConversation(db(), { accountId, inboxId, firstReplyAt: new Date() });
    const c = await createConversation(db(), { accountId, inboxId: second.id, teamId: sales.id, priority: 'urgent' });
    // Not open: never counted.
    const resolved = await createConversation(db(), { accountId, inboxId, status: 'resolved', teamId: sales.id, priority: 'urgent' });
    await labelConversation(db(), a.id, billing.id);
    await labelConversation(db(), resolved.id, billing.id);
    await mentionUser(db(), { accountId, userId: adminId, conversationId: c.id });
    await mentionUser(db(), { accountId, userId: adminId, conversationId: resolved.id });
    const urgentView = await storeSavedView(db(), {
      accountId,
      userId: adminId,
      filter: { operator: 'and', conditions: [{ field: 'priority', op: 'equal', value: 'urgent' }] },
    });
    const brokenView = await storeSavedView(db(), { accountId, userId: adminId, filter: { broken: true } });
    // Fresh actor: administrators' inboxIds are loaded with the actor.
    const admin = ctxFor(db(), await actorFor(db(), adminId, accountId));

    const counts = await countViews(admin);

    expect(counts).toEqual({
      all: 3,
      mentions: 1,
      unattended: 2,
      inboxes: { [inboxId]: 2, [second.id]: 1, [empty.id]: 0 },
      labels: { [billing.id]: 1, [unused.id]: 0 },
      teams: { [sales.id]: 2, [support.id]: 0 },
      savedViews: { [urgentView]: 2, [brokenView]: null },
    });
    const everyTab = { tab: 'all' } as const;
    expect((await walkList(ctx, { kind: 'all' }, everyTab)).length).toBe(counts.all);
    expect((await walkList(ctx, { kind: 'mentions' }, everyTab)).length).toBe(counts.mentions);
    expect((await walkList(ctx, { kind: 'unattended' }, everyTab)).length).toBe(counts.unattended);
    expect((await walkList(ctx, { kind: 'team', teamId: sales.id }, everyTab)).length).toBe(counts.teams[sales.id]);
    expect((await walkList(ctx, { kind: 'saved', savedViewId: urgentView }, everyTab)).length).toBe(counts.savedViews[urgentView]);
    expect(b.id).toBeGreaterThan(0);
  });

  it("an agent counts only their inboxes' conversations and only their own teams", async () => {
    const { accountId, inboxId } = await setupAccount(db());
    const hidden = await createInbox(db(), { accountId });
    const sales = await createTeam(db(), { accountId });
    const support = await createTeam(db(), { accountId });
    const label = await createLabel(db(), { accountId });
    const agentUser = await createUser(db(), { accountId, inboxIds: [inboxId], teamIds: [sales.id] });
    const agent = ctxFor(db(), await actorFor(db(), agentUser.id, accountId));
    const visible = await createConversation(db(), { accountId, inboxId, teamId: sales.id });
    const invisible = await createConversation(db(), { accountId, inboxId: hidden.id, teamId: sales.id });
    await labelConversation(db(), visible.id, label.id);
    await labelConversation(db(), invisible.id, label.id);
    await mentionUser(db(), { accountId, userId: agentUser.id, conversationId: invisible.id });

    const counts = await countViews(agent);

    expect(counts.all).toBe(1);
    expect(counts.mentions).toBe(0);
    expect(counts.inboxes).toEqual({ [inboxId]: 1 });
    expect(counts.labels).toEqual({ [label.id]: 1 });
    expect(counts.teams).toEqual({ [sales.id]: 1 });
    expect(counts.teams[support.id]).toBeUndefined();
  });

  it('another account never adds to the counts', async () => {
    const { accountId, inboxId, ctx } = await setupAccount(db());
    await createConversation(db(), { accountId, inboxId });
    const other = await createAccount(db());
    const otherInbox = await createInbox(db(), { accountId: other.id });
    await createConversation(db(), { accountId: other.id, inboxId: otherInbox.id });
    await createLabel(db(), { accountId: other.id });
    await createTeam(db(), { accountId: other.id });

    const counts = await countViews(ctx);

    expect(counts).toEqual({ all: 1, mentions: 0, unattended: 1, inboxes: { [inboxId]: 1 }, labels: {}, teams: {}, savedViews: {} });
  });

  it('with maxAgeMs, counts come from the process cache: one reading per account, mentions per person, 0 reads now', async () => {
    processCountsCache().clear();
    const { accountId, inboxId } = await setupAccount(db());
    const otherInbox = await createInbox(db(), { accountId });
    const first = await createUser(db(), { accountId, inboxIds: [inboxId] });
    const second = await createUser(db(), { accountId, inboxIds: [inboxId] });
    const elsewhere = await createUser(db(), { accountId, inboxIds: [otherInbox.id] });
    let clock = new Date('2026-12-07T10:00:00Z');
    const ctxOf = async (userId: number) => ctxFor(db(), await actorFor(db(), userId, accountId), { now: () => clock });
    const conversation = await createConversation(db(), { accountId, inboxId });
    await createConversation(db(), { accountId, inboxId: otherInbox.id });
    await mentionUser(db(), { accountId, userId: first.id, conversationId: conversation.id });
    const cached = { maxAgeMs: 5_000 };

    expect(await countViews(await ctxOf(first.id), cached)).toMatchObject({ all: 1, mentions: 1, inboxes: { [inboxId]: 1 } });
    // New conversations: within 5 s everyone of the account gets the reading above, each their own
    // inboxes' sums of it (never another inbox's), and their own mentions.
    await createConversation(db(), { accountId, inboxId });
    await createConversation(db(), { accountId, inboxId: otherInbox.id });
    clock = new Date('2026-12-07T10:00:04Z');
    expect(await countViews(await ctxOf(second.id), cached)).toMatchObject({ all: 1, mentions: 0, inboxes: { [inboxId]: 1 } });
    expect(await countViews(await ctxOf(elsewhere.id), cached)).toEqual(expect.objectContaining({ all: 1, mentions: 0, inboxes: { [otherInbox.id]: 1 } }));
    // maxAgeMs 0 (the agent's own change) reads now, and the others get that reading.
    expect(await countViews(await ctxOf(first.id))).toMatchObject({ all: 2, mentions: 1 });
    expect(await countViews(await ctxOf(second.id), cached)).toMatchObject({ all: 2 });
    expect(await countViews(await ctxOf(elsewhere.id), cached)).toMatchObject({ all: 2, inboxes: { [otherInbox.id]: 2 } });
    // Past 5 s everything is read again.
    await createConversation(db(), { accountId, inboxId });
    clock = new Date('2026-12-07T10:00:10Z');
    expect(await countViews(await ctxOf(second.id), cached)).toMatchObject({ all: 3, mentions: 0, unattended: 3 });
  });

  it('a status change is counted at once by the process that made it; a label waits for the max age', async () => {
    const { accountId, inboxId, admin } = await freshAccountAt('2026-12-07T11:00:00Z');
    const label = await createLabel(db(), { accountId });
    const [first, second] = [await createConversation(db(), { accountId, inboxId }), await createConversation(db(), { accountId, inboxId })];
    const cached = { maxAgeMs: 5_000 };
    expect(await countViews(admin, cached)).toMatchObject({ all: 2, labels: { [label.id]: 0 } });

    await labelConversation(db(), first.id, label.id);
    expect(await countViews(admin, cached)).toMatchObject({ labels: { [label.id]: 0 } });
    await changeStatus(admin, { conversationId: second.id, status: 'resolved' });
    expect(await countViews(admin, cached)).toMatchObject({ all: 1, labels: { [label.id]: 1 } });
  });

  it('labels and teams changed by an agent are counted at once; a reply waits for the max age', async () => {
    const { accountId, inboxId, admin } = await freshAccountAt('2026-12-07T11:30:00Z');
    const label = await createLabel(db(), { accountId });
    const team = await createTeam(db(), { accountId });
    const conversation = await createConversation(db(), { accountId, inboxId });
    const cached = { maxAgeMs: 5_000 };
    expect(await countViews(admin, cached)).toMatchObject({ unattended: 1, labels: { [label.id]: 0 }, teams: { [team.id]: 0 } });

    await addLabels(admin, { conversationId: conversation.id, labelIds: [label.id] });
    expect(await countViews(admin, cached)).toMatchObject({ labels: { [label.id]: 1 } });
    await assignTeam(admin, { conversationId: conversation.id, teamId: team.id });
    expect(await countViews(admin, cached)).toMatchObject({ teams: { [team.id]: 1 } });
    // Every message changes the unattended count: counting again after each would defeat the cache.
    await sendMessage(admin, { conversationId: conversation.id, content: 'Hola', private: false });
    expect(await countViews(admin, cached)).toMatchObject({ unattended: 1 });
  });

  it("an agent's saved views are counted again at once after a status change, and a new view at once", async () => {
    const { accountId, inboxId, admin } = await freshAccountAt('2026-12-07T12:00:00Z');
    const urgent = { operator: 'and' as const, conditions: [{ field: 'priority' as const, op: 'equal' as const, value: 'urgent' }] };
    const [first] = [await createConversation(db(), { accountId, inboxId, priority: 'urgent' }), await createConversation(db(), { accountId, inboxId, priority: 'urgent' })];
    const cached = { maxAgeMs: 5_000 };
    const view = await createSavedView(admin, { name: 'Urgentes', filter: urgent });
    expect((await countViews(admin, cached)).savedViews).toEqual({ [view.id]: 2 });

    await changeStatus(admin, { conversationId: first!.id, status: 'resolved' });
    expect((await countViews(admin, cached)).savedViews).toEqual({ [view.id]: 1 });
    const again = await createSavedView(admin, { name: 'Urgentes otra vez', filter: urgent });
    expect((await countViews(admin, cached)).savedViews).toEqual({ [view.id]: 1, [again.id]: 1 });
  });
});
