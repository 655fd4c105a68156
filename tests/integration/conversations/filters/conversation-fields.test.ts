import { describe, expect, it } from 'vitest';
import type { Conversation } from '@/db/schema';
import { useTestDatabase } from '../../../helpers/db';
import { actorFor, createAccount, createConversation, createInbox, createTeam, createUser, ctxFor } from '../../../helpers/factories';
import { addLabels, createLabel, filteredIds } from '../../../helpers/filters-factories';

const database = useTestDatabase();

const ids = (...conversations: Conversation[]) => conversations.map((c) => c.id).sort((a, b) => a - b);
const one = (field: string, op: string, value?: unknown) => ({ operator: 'and', conditions: [{ field, op, value }] });

// An account with an administrator (who sees every inbox, so only the filter narrows).
const setup = async () => {
  const { db } = database();
  const account = await createAccount(db);
  const inbox = await createInbox(db, { accountId: account.id });
  const admin = await createUser(db, { accountId: account.id, role: 'administrator' });
  const ctx = ctxFor(db, await actorFor(db, admin.id, account.id));
  return { db, account, inbox, admin, ctx };
};

describe('L4 filter on conversation fields', () => {
  it('status: equal one or several, not equal', async () => {
    const { db, account, inbox, ctx } = await setup();
    const open = await createConversation(db, { accountId: account.id, inboxId: inbox.id, status: 'open' });
    const pending = await createConversation(db, { accountId: account.id, inboxId: inbox.id, status: 'pending' });
    const resolved = await createConversation(db, { accountId: account.id, inboxId: inbox.id, status: 'resolved' });

    expect(await filteredIds(ctx, one('status', 'equal', 'pending'))).toEqual(ids(pending));
    expect(await filteredIds(ctx, one('status', 'equal', ['open', 'resolved']))).toEqual(ids(open, resolved));
    expect(await filteredIds(ctx, one('status', 'not_equal', 'open'))).toEqual(ids(pending, resolved));
  });

  it('priority: equal and not equal', async () => {
    const { db, account, inbox, ctx } = await setup();
    const urgent = await createConversation(db, { accountId: account.id, inboxId: inbox.id, priority: 'urgent' });
    const high = await createConversation(db, { accountId: account.id, inboxId: inbox.id, priority: 'high' });
    const none = await createConversation(db, { accountId: account.id, inboxId: inbox.id });

    expect(await filteredIds(ctx, one('priority', 'equal', 'urgent'))).toEqual(ids(urgent));
    expect(await filteredIds(ctx, one('priority', 'equal', ['urgent', 'high']))).toEqual(ids(urgent, high));
    expect(await filteredIds(ctx, one('priority', 'not_equal', 'none'))).toEqual(ids(urgent, high));
    expect(await filteredIds(ctx, one('priority', 'equal', 'none'))).toEqual(ids(none));
  });

  it("assignee: a teammate, 'me', not equal (unassigned included), present, not present", async () => {
    const { db, account, inbox, admin, ctx } = await setup();
    const ana = await createUser(db, { accountId: account.id, inboxIds: [inbox.id] });
    const anas = await createConversation(db, { accountId: account.id, inboxId: inbox.id, assigneeId: ana.id });
    const mine = await createConversation(db, { accountId: account.id, inboxId: inbox.id, assigneeId: admin.id });
    const unassigned = await createConversation(db, { accountId: account.id, inboxId: inbox.id });

    expect(await filteredIds(ctx, one('assignee', 'equal', ana.id))).toEqual(ids(anas));
    expect(await filteredIds(ctx, one('assignee', 'equal', String(ana.id)))).toEqual(ids(anas));
    expect(await filteredIds(ctx, one('assignee', 'equal', 'me'))).toEqual(ids(mine));
    expect(await filteredIds(ctx, one('assignee', 'equal', ['me', ana.id]))).toEqual(ids(anas, mine));
    expect(await filteredIds(ctx, one('assignee', 'not_equal', ana.id))).toEqual(ids(mine, unassigned));
    expect(await filteredIds(ctx, one('assignee', 'present'))).toEqual(ids(anas, mine));
    expect(await filteredIds(ctx, one('assignee', 'not_present'))).toEqual(ids(unassigned));
  });

  it("'me' is whoever runs the filter", async () => {
    const { db, account, inbox, ctx } = await setup();
    const ana = await createUser(db, { accountId: account.id, inboxIds: [inbox.id] });
    const anas = await createConversation(db, { accountId: account.id, inboxId: inbox.id, assigneeId: ana.id });
    await createConversation(db, { accountId: account.id, inboxId: inbox.id, assigneeId: ctx.actor.userId });

    const anaCtx = ctxFor(db, await actorFor(db, ana.id, account.id));
    expect(await filteredIds(anaCtx, one('assignee', 'equal', 'me'))).toEqual(ids(anas));
  });

  it('inbox: equal and not equal', async () => {
    const { db, account, inbox, ctx } = await setup();
    const email = await createInbox(db, { accountId: account.id, channelType: 'email' });
    const web = await createConversation(db, { accountId: account.id, inboxId: inbox.id });
    const mail = await createConversation(db, { accountId: account.id, inboxId: email.id });

    expect(await filteredIds(ctx, one('inbox', 'equal', email.id))).toEqual(ids(mail));
    expect(await filteredIds(ctx, one('inbox', 'not_equal', email.id))).toEqual(ids(web));
    expect(await filteredIds(ctx, one('inbox', 'equal', [email.id, inbox.id]))).toEqual(ids(web, mail));
  });

  it('team: equal, not equal (no team included), present, not present', async () => {
    const { db, account, inbox, ctx } = await setup();
    const billing = await createTeam(db, { accountId: account.id });
    const sales = await createTeam(db, { accountId: account.id });
    const billed = await createConversation(db, { accountId: account.id, inboxId: inbox.id, teamId: billing.id });
    const sold = await createConversation(db, { accountId: account.id, inboxId: inbox.id, teamId: sales.id });
    const noTeam = await createConversation(db, { accountId: account.id, inboxId: inbox.id });

    expect(await filteredIds(ctx, one('team', 'equal', billing.id))).toEqual(ids(billed));
    expect(await filteredIds(ctx, one('team', 'not_equal', billing.id))).toEqual(ids(sold, noTeam));
    expect(await filteredIds(ctx, one('team', 'present'))).toEqual(ids(billed, sold));
    expect(await filteredIds(ctx, one('team', 'not_present'))).toEqual(ids(noTeam));
  });

  it('label: has it, has any of several, has none of them, has any label, has no label', async () => {
    const { db, account, inbox, ctx } = await setup();
    const vip = await createLabel(db, { accountId: account.id });
    const bug = await createLabel(db, { accountId: account.id });
    const other = await createLabel(db, { accountId: account.id });
    const both = await createConversation(db, { accountId: account.id, inboxId: inbox.id });
    const onlyBug = await createConversation(db, { accountId: account.id, inboxId: inbox.id });
    const onlyOther = await createConversation(db, { accountId: account.id, inboxId: inbox.id });
    const bare = await createConversation(db, { accountId: account.id, inboxId: inbox.id });
    await addLabels(db, both.id, [vip.id, bug.id]);
    await addLabels(db, onlyBug.id, [bug.id]);
    await addLabels(db, onlyOther.id, [other.id]);

    expect(await filteredIds(ctx, one('label', 'equal', vip.id))).toEqual(ids(both));
    expect(await filteredIds(ctx, one('label', 'equal', [vip.id, bug.id]))).toEqual(ids(both, onlyBug));
    expect(await filteredIds(ctx, one('label', 'not_equal', bug.id))).toEqual(ids(onlyOther, bare));
    expect(await filteredIds(ctx, one('label', 'not_equal', [vip.id, other.id]))).toEqual(ids(onlyBug, bare));
    expect(await filteredIds(ctx, one('label', 'present'))).toEqual(ids(both, onlyBug, onlyOther));
    expect(await filteredIds(ctx, one('label', 'not_present'))).toEqual(ids(bare));
  });
});
