import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '@/db/schema';
import { retryMail } from '@/lib/domain/mail/retry-mail';
import { createMailer } from '@/lib/mail/mailer';
import { useTestDatabase } from '../../helpers/db';
import { actorFor, createAccount, createInbox, createUser, ctxFor } from '../../helpers/factories';
import { createOutboxEntry, startFakeResend, useResendBaseUrl, type FakeResend } from '../../helpers/mail-factories';

const database = useTestDatabase();
const pointResendAt = useResendBaseUrl();

let resend: FakeResend;
beforeAll(async () => {
  resend = await startFakeResend();
});
afterAll(async () => {
  await resend.close();
});

// An account with an administrator, the agent who sent a failed mail, and another agent; each with
// a ctx on the real mailer (key set, Resend pointed at the fake).
const setUp = async () => {
  const { db } = database();
  pointResendAt(resend.url);
  resend.reply((_request, index) => ({ status: 200, body: { id: `re_${index}` } }));
  const account = await createAccount(db);
  const inbox = await createInbox(db, { accountId: account.id });
  const ctxOf = async (role: 'administrator' | 'agent') => {
    const user = await createUser(db, { accountId: account.id, role, inboxIds: [inbox.id] });
    return { ...ctxFor(db, await actorFor(db, user.id, account.id)), mailer: createMailer('re_key') };
  };
  const [admin, sender, other] = [await ctxOf('administrator'), await ctxOf('agent'), await ctxOf('agent')];
  const failed = await createOutboxEntry(db, { accountId: account.id, status: 'failed', error: 'boom', attempts: 1, sentByUserId: sender.actor.userId });
  return { account, admin, sender, other, failed };
};

const statusOf = async (id: number) => (await database().db.select().from(mailOutbox).where(eq(mailOutbox.id, id)))[0];

describe('retryMail', () => {
  it('the agent who sent a failed mail retries it: sent, one more attempt, error cleared', async () => {
    const { sender, failed } = await setUp();
    const before = resend.requests.length;

    expect(await retryMail(sender, { outboxId: failed.id })).toEqual({ outboxId: failed.id, status: 'sent' });

    expect(resend.requests.length).toBe(before + 1);
    expect(resend.requests[before].body).toMatchObject({ to: failed.toAddresses, subject: failed.subject, html: failed.html, text: failed.text });
    expect(await statusOf(failed.id)).toMatchObject({ status: 'sent', attempts: 2, error: null });
  });

  it('an administrator may retry any failed mail of the account', async () => {
    const { admin, failed } = await setUp();

    expect((await retryMail(admin, { outboxId: failed.id })).status).toBe('sent');
  });

  it("another agent, another account's administrator, or a malformed id: NOT_FOUND, nothing sent", async () => {
    const { db } = database();
    const { other, failed } = await setUp();
    const foreign = await createAccount(db);
    const foreignAdmin = await createUser(db, { accountId: foreign.id, role: 'administrator' });
    const foreignCtx = { ...ctxFor(db, await actorFor(db, foreignAdmin.id, foreign.id)), mailer: createMailer('re_key') };
    const before = resend.requests.length;

    await expect(retryMail(other, { outboxId: failed.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(retryMail(foreignCtx, { outboxId: failed.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(retryMail(other, { outboxId: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    expect(resend.requests.length).toBe(before);
    expect(await statusOf(failed.id)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('a mail that is not failed (sent, stored) is CONFLICT and is not sent twice', async () => {
    const { db } = database();
    const { admin, account } = await setUp();
    const sent = await createOutboxEntry(db, { accountId: account.id, status: 'sent', attempts: 1 });
    const stored = await createOutboxEntry(db, { accountId: account.id, status: 'stored' });
    const before = resend.requests.length;

    for (const entry of [sent, stored]) {
      await expect(retryMail(admin, { outboxId: entry.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    }
    expect(resend.requests.length).toBe(before);
  });

  it('two retries at once (a double click, two admins) send the mail once', async () => {
    const { admin, sender, failed } = await setUp();
    const before = resend.requests.length;

    const results = await Promise.allSettled([retryMail(admin, { outboxId: failed.id }), retryMail(sender, { outboxId: failed.id })]);

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    expect(resend.requests.length).toBe(before + 1);
    expect(await statusOf(failed.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('with the key removed since the failure, the retried mail is stored in the outbox', async () => {
    const { sender, failed } = await setUp();
    const before = resend.requests.length;

    expect(await retryMail({ ...sender, mailer: createMailer('') }, { outboxId: failed.id })).toEqual({ outboxId: failed.id, status: 'stored' });

    expect(resend.requests.length).toBe(before);
    expect(await statusOf(failed.id)).toMatchObject({ status: 'stored', error: null });
  });
});
