import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '@/db/schema';
import { retryMail } from '@/lib/domain/mail/retry-mail';
import { sendTranscript } from '@/lib/domain/transcripts/send-transcript';
import { createMailer, defaultFromAddress } from '@/lib/mail/mailer';
import { useTestDatabase } from '../../helpers/db';
import { createWorkspace } from '../../helpers/conversation-actions-factories';
import { createContact, createConversation, createMessage } from '../../helpers/factories';
import { startFakeResend, useResendBaseUrl, type FakeResend } from '../../helpers/mail-factories';

// C4 through the real mailer: the outbox always, Resend (the real SDK, pointed by RESEND_BASE_URL
// at a local fake of its HTTP API) when a key is set.
const database = useTestDatabase();
const pointResendAt = useResendBaseUrl();

let resend: FakeResend;
beforeAll(async () => {
  resend = await startFakeResend();
});
afterAll(async () => {
  await resend.close();
});

const outboxRow = async (id: number) => (await database().db.select().from(mailOutbox).where(eq(mailOutbox.id, id)))[0];

// A conversation of a contact with an email, a customer message and a private note.
const setUp = async (mailerKey: string) => {
  const { db } = database();
  const workspace = await createWorkspace(db);
  const contact = await createContact(db, { accountId: workspace.accountId, email: 'marta@example.test' });
  const conversation = await createConversation(db, { accountId: workspace.accountId, inboxId: workspace.inboxId, contactId: contact.id });
  await createMessage(db, { conversationId: conversation.id, content: 'Hola <b>equipo</b>' });
  await createMessage(db, { conversationId: conversation.id, messageType: 'outgoing', private: true, content: 'nota privada' });
  const ctx = { ...workspace.ctx, mailer: createMailer(mailerKey) };
  return { ...workspace, ctx, conversation };
};

describe('transcript delivery', () => {
  it('with RESEND_API_KEY: POSTs from, to, subject, html and text to Resend, and the outbox row is sent with its id', async () => {
    pointResendAt(resend.url);
    resend.reply((_request, index) => ({ status: 200, body: { id: `re_transcript_${index}` } }));
    const { ctx, me, conversation } = await setUp('re_test_key');
    const before = resend.requests.length;

    const result = await sendTranscript(ctx, { conversationId: conversation.id, to: 'contact' });

    expect(result.status).toBe('sent');
    expect(resend.requests.length).toBe(before + 1);
    const request = resend.requests[before];
    expect(request).toMatchObject({ method: 'POST', path: '/emails' });
    expect(request.headers.authorization).toBe('Bearer re_test_key');
    expect(request.body).toMatchObject({
      from: defaultFromAddress(),
      to: ['marta@example.test'],
      subject: `Transcripción de la conversación #${conversation.displayId}`,
    });
    expect(request.body.html).toContain('Hola &lt;b&gt;equipo&lt;/b&gt;');
    expect(request.body.text).toContain('Hola <b>equipo</b>');
    for (const body of [request.body.html, request.body.text]) expect(body).not.toContain('nota privada');

    expect(await outboxRow(result.outboxId)).toMatchObject({
      kind: 'transcript',
      status: 'sent',
      providerMessageId: `re_transcript_${before}`,
      attempts: 1,
      error: null,
      sentByUserId: me.id,
      toAddresses: ['marta@example.test'],
      html: request.body.html,
      text: request.body.text,
    });
    expect((await outboxRow(result.outboxId)).sentAt).toBeInstanceOf(Date);
  });

  it('Resend refuses (422): the outbox row is failed with the reason; the sender retries and it is sent', async () => {
    pointResendAt(resend.url);
    resend.reply(() => ({ status: 422, body: { statusCode: 422, name: 'validation_error', message: 'The `from` domain is not verified.' } }));
    const { ctx, conversation } = await setUp('re_test_key');

    const result = await sendTranscript(ctx, { conversationId: conversation.id, to: { email: 'boss@example.test' } });

    expect(result.status).toBe('failed');
    expect(await outboxRow(result.outboxId)).toMatchObject({ status: 'failed', error: 'The `from` domain is not verified.', attempts: 1, sentAt: null });

    resend.reply(() => ({ status: 200, body: { id: 're_after_retry' } }));
    const before = resend.requests.length;
    expect(await retryMail(ctx, { outboxId: result.outboxId })).toEqual({ outboxId: result.outboxId, status: 'sent' });
    expect(resend.requests.length).toBe(before + 1);
    expect(resend.requests[before].body).toMatchObject({ to: ['boss@example.test'], subject: `Transcripción de la conversación #${conversation.displayId}` });
    expect(await outboxRow(result.outboxId)).toMatchObject({ status: 'sent', error: null, attempts: 2, providerMessageId: 're_after_retry' });
  });

  it('Resend fails (500, not JSON): failed with an error, shown to the sender, retried until it is sent', async () => {
    pointResendAt(resend.url);
    resend.reply(() => ({ status: 500, body: 'upstream exploded' }));
    const { ctx, conversation } = await setUp('re_test_key');

    const result = await sendTranscript(ctx, { conversationId: conversation.id, to: 'contact' });
    expect(result.status).toBe('failed');
    expect((await outboxRow(result.outboxId)).error).toBeTruthy();

    // Still failing: the retry says so, and counts the attempt.
    expect((await retryMail(ctx, { outboxId: result.outboxId })).status).toBe('failed');
    expect(await outboxRow(result.outboxId)).toMatchObject({ status: 'failed', attempts: 2 });

    resend.reply(() => ({ status: 200, body: { id: 're_third_time' } }));
    expect((await retryMail(ctx, { outboxId: result.outboxId })).status).toBe('sent');
    expect(await outboxRow(result.outboxId)).toMatchObject({ status: 'sent', attempts: 3, error: null });
  });

  it('Resend unreachable: failed, not left queued', async () => {
    pointResendAt('http://127.0.0.1:9');
    const { ctx, conversation } = await setUp('re_test_key');

    const result = await sendTranscript(ctx, { conversationId: conversation.id, to: 'contact' });

    expect(result.status).toBe('failed');
    expect(await outboxRow(result.outboxId)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('without RESEND_API_KEY: nothing goes out, the mail is stored in the outbox for administrators to read', async () => {
    pointResendAt(resend.url);
    const { ctx, me, conversation } = await setUp('');
    const before = resend.requests.length;

    const result = await sendTranscript(ctx, { conversationId: conversation.id, to: 'contact' });

    expect(result.status).toBe('stored');
    expect(resend.requests.length).toBe(before);
    const row = await outboxRow(result.outboxId);
    expect(row).toMatchObject({ status: 'stored', attempts: 0, kind: 'transcript', sentByUserId: me.id, toAddresses: ['marta@example.test'] });
    expect(row.text).toContain('Hola <b>equipo</b>');
    expect(row.text).not.toContain('nota privada');
  });
});
