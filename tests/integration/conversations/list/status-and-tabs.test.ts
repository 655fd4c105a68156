import { describe, expect, it } from 'vitest';
import { countTabs } from '@/lib/domain/conversations/list/count-tabs';
import { listConversations, listMoreConversations } from '@/lib/domain/conversations/list/list-conversations';
import { createConversation, createUser } from '@/tests/helpers/factories';
import { useTestDatabase } from '@/tests/helpers/db';
import { idsOf, setupAccount, walkList } from '@/tests/helpers/list-factories';

const database = useTestDatabase();
const db = () => database().db;

describe('status filter (L2)', () => {
  it('lists open conversations by default, each status on request, and every status with "all"', async () => {
    const { accountId, inboxId, ctx } = await setupAccount(db());
    const open = await createConversation(db(), { accountId, inboxId, status: 'open' });
    const resolved = await createConversation(db(), { accountId, inboxId, status: 'resolved' });
    const pending = await createConversation(db(), { accountId, inboxId, status: 'pending' });
    const snoozed = await createConversation(db(), { accountId, inboxId, status: 'snoozed', snoozedUntil: new Date(Date.now() + 3_600_000) });

    expect(idsOf(await walkList(ctx, { kind: 'all' }, { tab: 'all' }))).toEqual([open.id]);
    expect(idsOf(await walkList(ctx, { kind: 'all' }, { tab: 'all', status: 'resolved' }))).toEqual([resolved.id]);
    expect(idsOf(await walkList(ctx, { kind: 'all' }, { tab: 'all', status: 'pending' }))).toEqual([pending.id]);
    const snoozedCards = await walkList(ctx, { kind: 'all' }, { tab: 'all', status: 'snoozed' });
    expect(idsOf(snoozedCards)).toEqual([snoozed.id]);
    expect(snoozedCards[0].snoozedUntil).toBeInstanceOf(Date);
    expect(idsOf(await walkList(ctx, { kind: 'all' }, { tab: 'all', status: 'all' })).sort()).toEqual(
      [open.id, resolved.id, pending.id, snoozed.id].sort(),
    );
  });
});

describe('assignment tabs (L5)', () => {
  it('mine, unassigned and all (mine + unassigned + teammates), "Mías" by default', async () => {
    const { accountId, inboxId, adminId, ctx } = await setupAccount(db());
    const teammate = await createUser(db(), { accountId, inboxIds: [inboxId] });
    const mine = await createConversation(db(), { accountId, inboxId, assigneeId: adminId });
    const unassigned = await createConversation(db(), { accountId, inboxId });
    const theirs = await createConversation(db(), { accountId, inboxId, assigneeId: teammate.id });

    const byDefault = await listConversations(ctx, { kind: 'all' });

    expect(byDefault.query.tab).toBe('mine');
    expect(idsOf(byDefault.items)).toEqual([mine.id]);
    expect(idsOf(await walkList(ctx, { kind: 'all' }, { tab: 'unassigned' }))).toEqual([unassigned.id]);
    expect(idsOf(await walkList(ctx, { kind: 'all' }, { tab: 'all' })).sort()).toEqual([mine.id, unassigned.id, theirs.id].sort());
    expect(byDefault.counts).toEqual({ mine: 1, unassigned: 1, all: 3 });
  });

  it('tab counts equal the lengths of the lists they count, across pages, statuses and views', async () => {
    const { accountId, inboxId, adminId, ctx } = await setupAccount(db());
    const teammate = await createUser(db(), { accountId, inboxIds: [inboxId] });
    const assignees = [adminId, null, teammate.id];
    const statuses = ['open', 'open', 'resolved', 'pending'] as const;
    for (let index = 0; index < 70; index += 1) {
      await createConversation(db(), {
        accountId,
        inboxId,
        assigneeId: assignees[index % 3],
        status: statuses[index % 4],
        firstReplyAt: index % 5 === 0 ? new Date() : null,
      });
    }

    for (const view of [{ kind: 'all' }, { kind: 'unattended' }] as const) {
      for (const status of ['open', 'resolved', 'all'] as const) {
        const counts = await countTabs(ctx, view, { status });
        for (const tab of ['mine', 'unassigned', 'all'] as const) {
          const cards = await walkList(ctx, view, { status, tab });
          expect(new Set(idsOf(cards)).size).toBe(cards.length);
          expect(cards.length, `${view.kind} ${status} ${tab}`).toBe(counts[tab]);
        }
        expect(counts.all).toBeGreaterThanOrEqual(counts.mine + counts.unassigned);
      }
    }
    const open = await countTabs(ctx, { kind: 'all' });
    expect(open.all).toBe(36);
  });

  it('counts apply the filter like the list does', async () => {
    const { accountId, inboxId, adminId, ctx } = await setupAccount(db());
    await createConversation(db(), { accountId, inboxId, priority: 'urgent', assigneeId: adminId });
    await createConversation(db(), { accountId, inboxId, priority: 'urgent' });
    await createConversation(db(), { accountId, inboxId, priority: 'low' });
    const filter = { operator: 'and' as const, conditions: [{ field: 'priority', op: 'equal' as const, value: 'urgent' }] };

    const result = await listConversations(ctx, { kind: 'all' }, { tab: 'all', filter });

    expect(result.counts).toEqual({ mine: 1, unassigned: 1, all: 2 });
    expect(result.items).toHaveLength(2);
  });

  it('infinite scroll loads the next page alone: the same cards the list gives for that cursor, no counts', async () => {
    const { accountId, inboxId, ctx } = await setupAccount(db());
    for (let index = 0; index < 30; index += 1) await createConversation(db(), { accountId, inboxId });
    const first = await listConversations(ctx, { kind: 'all' }, { tab: 'all' });
    expect(first.nextCursor).not.toBeNull();

    const more = await listMoreConversations(ctx, { kind: 'all' }, { tab: 'all', cursor: first.nextCursor! });
    const same = await listConversations(ctx, { kind: 'all' }, { tab: 'all', cursor: first.nextCursor! });

    expect(Object.keys(more).sort()).toEqual(['items', 'nextCursor']);
    expect(idsOf(more.items)).toEqual(idsOf(same.items));
    expect(more.items).toHaveLength(5);
    expect(more.nextCursor).toBeNull();
  });
});
