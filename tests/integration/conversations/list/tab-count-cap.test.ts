import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { conversations } from '@/db/schema';
import { countTabs, isCappedCount, TAB_COUNT_CAP } from '@/lib/domain/conversations/list/count-tabs';
import { listConversations } from '@/lib/domain/conversations/list/list-conversations';
import { useTestDatabase } from '@/tests/helpers/db';
import { createContact, createUser } from '@/tests/helpers/factories';
import { createLabel, labelConversation, setupAccount } from '@/tests/helpers/list-factories';

// L5 counts are exact up to TAB_COUNT_CAP (1,000) and TAB_COUNT_CAP + 1 ("1.000+") past it, each tab
// on its own: a capped "Todos" never caps "Mías" or "Sin asignar" below the cap.

const database = useTestDatabase();
const db = () => database().db;

// Many open conversations at once (one INSERT), assigned as `assigneeOf(index)` says.
const insertConversations = async (
  dbOrTx: Db,
  options: { accountId: number; inboxId: number; contactId: number; count: number; firstDisplayId: number; assigneeOf: (index: number) => number | null },
) => {
  const rows = Array.from({ length: options.count }, (_, index) => ({
    accountId: options.accountId,
    inboxId: options.inboxId,
    contactId: options.contactId,
    displayId: options.firstDisplayId + index,
    assigneeId: options.assigneeOf(index),
  }));
  return dbOrTx.insert(conversations).values(rows).returning({ id: conversations.id });
};

describe('tab counts past TAB_COUNT_CAP (L5)', () => {
  it('caps "Todos" and keeps "Mías" and "Sin asignar" exact below the cap; exact again under a narrowing filter', async () => {
    const { accountId, inboxId, adminId, ctx } = await setupAccount(db());
    const teammate = await createUser(db(), { accountId, inboxIds: [inboxId] });
    const contact = await createContact(db(), { accountId });
    // 1,100 open: 300 mine, 500 unassigned, 300 the teammate's.
    const created = await insertConversations(db(), {
      accountId,
      inboxId,
      contactId: contact.id,
      count: 1100,
      firstDisplayId: 1,
      assigneeOf: (index) => (index % 11 < 3 ? adminId : index % 11 < 8 ? null : teammate.id),
    });

    const counts = await countTabs(ctx, { kind: 'all' }, { status: 'open' });
    expect(counts).toEqual({ mine: 300, unassigned: 500, all: TAB_COUNT_CAP + 1 });
    expect([isCappedCount(counts.mine), isCappedCount(counts.unassigned), isCappedCount(counts.all)]).toEqual([false, false, true]);
    // The list shows the same counts and still pages through everything.
    expect((await listConversations(ctx, { kind: 'all' }, { tab: 'all' })).counts).toEqual(counts);

    // 120 of them labelled (60 mine, 60 unassigned): the filtered list is small again, every count exact.
    const label = await createLabel(db(), { accountId });
    for (const { id } of created.filter((_, index) => index % 55 < 6)) await labelConversation(db(), id, label.id);
    const filter = { operator: 'and' as const, conditions: [{ field: 'label', op: 'equal' as const, value: [label.id] }] };
    const filtered = await countTabs(ctx, { kind: 'all' }, { status: 'all', filter });
    expect(filtered).toEqual({ mine: 60, unassigned: 60, all: 120 });
  });

  it('caps every tab that holds more than TAB_COUNT_CAP, and a list of exactly TAB_COUNT_CAP is exact', async () => {
    const { accountId, inboxId, adminId, ctx } = await setupAccount(db());
    const contact = await createContact(db(), { accountId });
    await insertConversations(db(), { accountId, inboxId, contactId: contact.id, count: 1000, firstDisplayId: 1, assigneeOf: () => adminId });
    expect(await countTabs(ctx, { kind: 'all' }, {})).toEqual({ mine: 1000, unassigned: 0, all: 1000 });

    // 1,020 mine and 1,030 unassigned: both tabs and the whole list past the cap.
    await insertConversations(db(), { accountId, inboxId, contactId: contact.id, count: 20, firstDisplayId: 1001, assigneeOf: () => adminId });
    await insertConversations(db(), { accountId, inboxId, contactId: contact.id, count: 1030, firstDisplayId: 2001, assigneeOf: () => null });
    expect(await countTabs(ctx, { kind: 'all' }, {})).toEqual({ mine: TAB_COUNT_CAP + 1, unassigned: TAB_COUNT_CAP + 1, all: TAB_COUNT_CAP + 1 });
  });
});
