import { describe, expect, it } from 'vitest';
import { getOutboxEntry } from '@/lib/domain/mail/get-outbox-entry';
import { listOutbox } from '@/lib/domain/mail/list-outbox';
import { useTestDatabase } from '../../helpers/db';
import { actorFor, createAccount, createInbox, createUser, ctxFor } from '../../helpers/factories';
import { createOutboxEntry } from '../../helpers/mail-factories';

const database = useTestDatabase();

const setUp = async () => {
  const { db } = database();
  const account = await createAccount(db);
  const inbox = await createInbox(db, { accountId: account.id });
  const ctxOf = async (role: 'administrator' | 'agent', name?: string) => {
    const user = await createUser(db, { accountId: account.id, role, inboxIds: [inbox.id], name });
    return ctxFor(db, await actorFor(db, user.id, account.id));
  };
  return { account, admin: await ctxOf('administrator'), agent: await ctxOf('agent', 'Diego'), other: await ctxOf('agent') };
};

describe('listOutbox (administrators read the mail outbox)', () => {
  it('lists the account\'s mail newest first with keyset pages, who sent it, and no other account\'s mail', async () => {
    const { db } = database();
    const { account, admin, agent } = await setUp();
    const foreign = await createAccount(db);
    await createOutboxEntry(db, { accountId: foreign.id, subject: 'not ours' });
    await createOutboxEntry(db, { accountId: null, subject: 'system mail' });
    const mails = [];
    for (let index = 0; index < 5; index += 1) {
      mails.push(await createOutboxEntry(db, { accountId: account.id, subject: `mail ${index}`, sentByUserId: index === 4 ? agent.actor.userId : null }));
    }

    const first = await listOutbox(admin, { limit: 2 });
    const second = await listOutbox(admin, { limit: 2, cursor: first.nextCursor ?? undefined });
    const third = await listOutbox(admin, { limit: 2, cursor: second.nextCursor ?? undefined });

    expect(first.items.map((item) => item.subject)).toEqual(['mail 4', 'mail 3']);
    expect(first.items[0]).toMatchObject({ sentByUserId: agent.actor.userId, sentByName: 'Diego', status: 'stored', toAddresses: ['someone@example.test'] });
    expect(first.items[0]).not.toHaveProperty('html');
    expect(second.items.map((item) => item.subject)).toEqual(['mail 2', 'mail 1']);
    expect(third.items.map((item) => item.subject)).toEqual(['mail 0']);
    expect(third.nextCursor).toBeNull();
  });

  it('filters by status (the failed ones)', async () => {
    const { db } = database();
    const { account, admin } = await setUp();
    await createOutboxEntry(db, { accountId: account.id, status: 'sent', subject: 'ok' });
    await createOutboxEntry(db, { accountId: account.id, status: 'failed', subject: 'broken', error: 'refused' });

    const { items } = await listOutbox(admin, { status: 'failed' });

    expect(items.map((item) => [item.subject, item.error])).toEqual([['broken', 'refused']]);
  });

  it('is for administrators only: an agent gets FORBIDDEN, even for mail they sent', async () => {
    const { db } = database();
    const { account, agent } = await setUp();
    await createOutboxEntry(db, { accountId: account.id, sentByUserId: agent.actor.userId });

    await expect(listOutbox(agent)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a forged cursor is INVALID_INPUT', async () => {
    const { admin } = await setUp();

    for (const cursor of ['not-a-cursor', Buffer.from('-3').toString('base64url'), Buffer.from('1; drop table').toString('base64url')]) {
      await expect(listOutbox(admin, { cursor })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'cursor' } });
    }
  });
});

describe('getOutboxEntry', () => {
  it('administrators read one mail whole: recipients, status, error, attempts, text and HTML', async () => {
    const { db } = database();
    const { account, admin } = await setUp();
    const entry = await createOutboxEntry(db, { accountId: account.id, status: 'failed', error: 'refused', attempts: 2, html: '<p>x</p>', text: 'x' });

    expect(await getOutboxEntry(admin, { outboxId: entry.id })).toMatchObject({ ...entry, sentByName: null });
  });

  it('the agent who sent a mail may read it; another agent, another account and malformed ids are NOT_FOUND', async () => {
    const { db } = database();
    const { account, agent, other } = await setUp();
    const entry = await createOutboxEntry(db, { accountId: account.id, sentByUserId: agent.actor.userId });
    const foreign = await createAccount(db);
    const foreignAdmin = await createUser(db, { accountId: foreign.id, role: 'administrator' });
    const foreignCtx = ctxFor(db, await actorFor(db, foreignAdmin.id, foreign.id));

    expect((await getOutboxEntry(agent, { outboxId: entry.id })).id).toBe(entry.id);
    await expect(getOutboxEntry(other, { outboxId: entry.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getOutboxEntry(foreignCtx, { outboxId: entry.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getOutboxEntry(agent, { outboxId: 'abc' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getOutboxEntry(agent, { outboxId: 99_999_999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
