import { describe, expect, it } from 'vitest';
import type { Conversation } from '@/db/schema';
import { useTestDatabase } from '../../../helpers/db';
import { actorFor, createAccount, createConversation, createInbox, createTeam, createUser, ctxFor } from '../../../helpers/factories';
import { addLabels, createLabel, filteredIds } from '../../../helpers/filters-factories';

const database = useTestDatabase();

const ids = (...conversations: Conversation[]) => conversations.map((c) => c.id).sort((a, b) => a - b);

describe('L4 filter: AND / OR', () => {
  it('AND keeps what matches every condition; OR what matches any', async () => {
    const { db } = database();
    const account = await createAccount(db);
    const inbox = await createInbox(db, { accountId: account.id });
    const admin = await createUser(db, { accountId: account.id, role: 'administrator' });
    const ctx = ctxFor(db, await actorFor(db, admin.id, account.id));
    const vip = await createLabel(db, { accountId: account.id });
    const urgentVip = await createConversation(db, { accountId: account.id, inboxId: inbox.id, priority: 'urgent' });
    const urgent = await createConversation(db, { accountId: account.id, inboxId: inbox.id, priority: 'urgent' });
    const vipOnly = await createConversation(db, { accountId: account.id, inboxId: inbox.id });
    await createConversation(db, { accountId: account.id, inboxId: inbox.id });
    await addLabels(db, urgentVip.id, [vip.id]);
    await addLabels(db, vipOnly.id, [vip.id]);
    const conditions = [
      { field: 'priority', op: 'equal', value: 'urgent' },
      { field: 'label', op: 'equal', value: vip.id },
    ];

    expect(await filteredIds(ctx, { operator: 'and', conditions })).toEqual(ids(urgentVip));
    expect(await filteredIds(ctx, { operator: 'or', conditions })).toEqual(ids(urgentVip, urgent, vipOnly));
  });

  it('three conditions joined by OR, and by AND with a negation', async () => {
    const { db } = database();
    const account = await createAccount(db);
    const inbox = await createInbox(db, { accountId: account.id });
    const admin = await createUser(db, { accountId: account.id, role: 'administrator' });
    const team = await createTeam(db, { accountId: account.id });
    const ctx = ctxFor(db, await actorFor(db, admin.id, account.id));
    const pending = await createConversation(db, { accountId: account.id, inboxId: inbox.id, status: 'pending' });
    const teamOpen = await createConversation(db, { accountId: account.id, inboxId: inbox.id, teamId: team.id });
    const mineOpen = await createConversation(db, { accountId: account.id, inboxId: inbox.id, assigneeId: admin.id });
    const plainOpen = await createConversation(db, { accountId: account.id, inboxId: inbox.id });

    expect(
      await filteredIds(ctx, {
        operator: 'or',
        conditions: [
          { field: 'status', op: 'equal', value: 'pending' },
          { field: 'team', op: 'equal', value: team.id },
          { field: 'assignee', op: 'equal', value: 'me' },
        ],
      }),
    ).toEqual(ids(pending, teamOpen, mineOpen));
    expect(
      await filteredIds(ctx, {
        operator: 'and',
        conditions: [
          { field: 'status', op: 'equal', value: 'open' },
          { field: 'team', op: 'not_present' },
          { field: 'assignee', op: 'not_equal', value: 'me' },
        ],
      }),
    ).toEqual(ids(plainOpen));
  });

  it("an OR filter only narrows: it never reaches past the agent's inboxes or account", async () => {
    const { db } = database();
    const account = await createAccount(db);
    const mine = await createInbox(db, { accountId: account.id });
    const notMine = await createInbox(db, { accountId: account.id });
    const agent = await createUser(db, { accountId: account.id, inboxIds: [mine.id] });
    const ctx = ctxFor(db, await actorFor(db, agent.id, account.id));
    const visiblePending = await createConversation(db, { accountId: account.id, inboxId: mine.id, status: 'pending' });
    const visibleOpen = await createConversation(db, { accountId: account.id, inboxId: mine.id, status: 'open' });
    await createConversation(db, { accountId: account.id, inboxId: notMine.id, status: 'pending' });
    const elsewhere = await createAccount(db);
    const foreignInbox = await createInbox(db, { accountId: elsewhere.id });
    await createConversation(db, { accountId: elsewhere.id, inboxId: foreignInbox.id, status: 'pending' });

    expect(
      await filteredIds(ctx, {
        operator: 'or',
        conditions: [
          { field: 'status', op: 'equal', value: 'pending' },
          { field: 'inbox', op: 'equal', value: notMine.id },
          { field: 'contact_name', op: 'present' },
        ],
      }),
    ).toEqual(ids(visiblePending, visibleOpen));
    expect(await filteredIds(ctx, { operator: 'or', conditions: [{ field: 'inbox', op: 'equal', value: notMine.id }] })).toEqual([]);
  });

  it('no filter means no condition', async () => {
    const { db } = database();
    const account = await createAccount(db);
    const inbox = await createInbox(db, { accountId: account.id });
    const admin = await createUser(db, { accountId: account.id, role: 'administrator' });
    const ctx = ctxFor(db, await actorFor(db, admin.id, account.id));
    const a = await createConversation(db, { accountId: account.id, inboxId: inbox.id });
    const b = await createConversation(db, { accountId: account.id, inboxId: inbox.id, status: 'resolved' });

    expect(await filteredIds(ctx, undefined)).toEqual(ids(a, b));
    expect(await filteredIds(ctx, null)).toEqual(ids(a, b));
  });
});
