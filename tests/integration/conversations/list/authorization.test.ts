import { describe, expect, it } from 'vitest';
import { countTabs } from '@/lib/domain/conversations/list/count-tabs';
import { countViews } from '@/lib/domain/conversations/list/count-views';
import { listConversations } from '@/lib/domain/conversations/list/list-conversations';
import { actorFor, createConversation, createInbox, createUser, ctxFor } from '@/tests/helpers/factories';
import { useTestDatabase } from '@/tests/helpers/db';
import { createLabel, idsOf, labelConversation, mentionUser, setupAccount, walkList } from '@/tests/helpers/list-factories';

const database = useTestDatabase();
const db = () => database().db;

const everything = { status: 'all', tab: 'all' } as const;

describe('list authorization', () => {
  it("another account's conversations never appear in lists or counts", async () => {
    const mine = await setupAccount(db());
    const theirs = await setupAccount(db());
    const own = await createConversation(db(), { accountId: mine.accountId, inboxId: mine.inboxId });
    const foreign = await createConversation(db(), { accountId: theirs.accountId, inboxId: theirs.inboxId, assigneeId: mine.adminId });
    // Even rows that point at this actor from the other account (a mention) stay invisible.
    await mentionUser(db(), { accountId: theirs.accountId, userId: mine.adminId, conversationId: foreign.id });

    for (const view of [{ kind: 'all' }, { kind: 'mentions' }, { kind: 'unattended' }] as const) {
      const cards = await walkList(mine.ctx, view, everything);
      expect(idsOf(cards)).not.toContain(foreign.id);
    }
    expect(idsOf(await walkList(mine.ctx, { kind: 'all' }, everything))).toEqual([own.id]);
    expect(await countTabs(mine.ctx, { kind: 'all' }, everything)).toEqual({ mine: 0, unassigned: 1, all: 1 });
    expect((await countViews(mine.ctx)).mentions).toBe(0);
    await expect(listConversations(mine.ctx, { kind: 'inbox', inboxId: theirs.inboxId }, everything)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it("an agent sees only their inboxes' conversations; another inbox's view is NOT_FOUND", async () => {
    const { accountId, inboxId } = await setupAccount(db());
    const hidden = await createInbox(db(), { accountId });
    const label = await createLabel(db(), { accountId });
    const agentUser = await createUser(db(), { accountId, inboxIds: [inboxId] });
    const agent = ctxFor(db(), await actorFor(db(), agentUser.id, accountId));
    const visible = await createConversation(db(), { accountId, inboxId });
    const invisible = await createConversation(db(), { accountId, inboxId: hidden.id, assigneeId: agentUser.id });
    await labelConversation(db(), visible.id, label.id);
    await labelConversation(db(), invisible.id, label.id);

    expect(idsOf(await walkList(agent, { kind: 'all' }, everything))).toEqual([visible.id]);
    expect(idsOf(await walkList(agent, { kind: 'label', labelId: label.id }, everything))).toEqual([visible.id]);
    expect(await countTabs(agent, { kind: 'all' }, everything)).toEqual({ mine: 0, unassigned: 1, all: 1 });
    await expect(listConversations(agent, { kind: 'inbox', inboxId: hidden.id }, everything)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('an agent with no inboxes gets empty lists and zero counts', async () => {
    const { accountId, inboxId, adminId } = await setupAccount(db());
    await createConversation(db(), { accountId, inboxId, assigneeId: adminId });
    const loner = await createUser(db(), { accountId });
    await createConversation(db(), { accountId, inboxId, assigneeId: loner.id });
    const ctx = ctxFor(db(), await actorFor(db(), loner.id, accountId));

    for (const view of [{ kind: 'all' }, { kind: 'mentions' }, { kind: 'unattended' }] as const) {
      const result = await listConversations(ctx, view, everything);
      expect(result.items).toEqual([]);
      expect(result.nextCursor).toBeNull();
      expect(result.counts).toEqual({ mine: 0, unassigned: 0, all: 0 });
    }
    expect(await countViews(ctx)).toMatchObject({ all: 0, mentions: 0, unattended: 0, inboxes: {} });
  });
});
