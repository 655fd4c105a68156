import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { handleEmailInbound } from '@/app/api/channels/email/inbound/handle-email-inbound';
import { attachments, conversations, inboxes, mailOutbox, messages } from '@/db/schema';
import { emailInboundToken, verifySvixSignature } from '@/lib/domain/email/email-inbound';
import { sanitizeEmailHtml } from '@/lib/domain/email/sanitize-email-html';
import { startConversation } from '@/lib/domain/conversations/start-conversation';
import { sendMessage } from '@/lib/domain/messages/send-message';
import { createMailer } from '@/lib/mail/mailer';
import { createChannelWorkspace, createWebhook, deliveriesOf, messagesOf } from '../../helpers/channels-factories';
import { actorFor, createContact, createInbox, createUser, ctxFor } from '../../helpers/factories';
import { useTestDatabase } from '../../helpers/db';

const database = useTestDatabase();

const mime = (headers: Record<string, string>, body: string, contentType = 'text/plain; charset=utf-8') =>
  [...Object.entries(headers).map(([name, value]) => `${name}: ${value}`), `Content-Type: ${contentType}`, 'MIME-Version: 1.0', '', body].join('\r\n');

const post = (ctx: Parameters<typeof handleEmailInbound>[0], inbox: { identifier: string; channelSettings: object }, raw: string, token = emailInboundToken(inbox as never)) =>
  handleEmailInbound(
    ctx,
    new Request(`http://localhost/api/channels/email/inbound?inbox=${inbox.identifier}`, {
      method: 'POST',
      headers: { 'Content-Type': 'message/rfc822', Authorization: `Bearer ${token}` },
      body: raw,
    }),
  );

const emailWorkspace = (db: Parameters<typeof createChannelWorkspace>[0]) => createChannelWorkspace(db, { channelType: 'email', settings: { emailAddress: 'soporte@tienda.test' } });

describe('email inbox: inbound', () => {
  it('a new mail starts a conversation with the sender as contact; its Message-ID de-duplicates a second delivery', async () => {
    const { db } = database();
    const { ctx, inbox } = await emailWorkspace(db);
    const raw = mime({ From: 'Ana Pérez <Ana@Cliente.test>', To: 'soporte@tienda.test', Subject: 'Pedido 123', 'Message-ID': '<m1@cliente.test>' }, 'Hola,\r\nmi pedido no llegó.');

    const first = await post(ctx, inbox, raw);
    const again = await post(ctx, inbox, raw);

    expect(first.status).toBe(202);
    const body = await first.json();
    expect(await again.json()).toMatchObject({ message_id: body.message_id, duplicate: true });
    const [message] = await db.select().from(messages).where(eq(messages.id, body.message_id));
    expect(message).toMatchObject({ messageType: 'incoming', sourceId: '<m1@cliente.test>', content: 'Hola,\nmi pedido no llegó.' });
    expect(message.contentAttributes.email).toMatchObject({ subject: 'Pedido 123', messageId: '<m1@cliente.test>' });
  });

  it('threads by In-Reply-To and References, by the reply+<uuid>@ address, else starts a new conversation', async () => {
    const { db } = database();
    const { ctx, inbox } = await emailWorkspace(db);
    const from = 'Ana <ana@cliente.test>';
    const first = await (await post(ctx, inbox, mime({ From: from, To: 'soporte@tienda.test', Subject: 'A', 'Message-ID': '<a1@c>' }, 'uno'))).json();
    const byReplyTo = await (await post(ctx, inbox, mime({ From: from, To: 'soporte@tienda.test', Subject: 'Re: A', 'Message-ID': '<a2@c>', 'In-Reply-To': '<a1@c>' }, 'dos'))).json();
    const byReferences = await (
      await post(ctx, inbox, mime({ From: from, To: 'soporte@tienda.test', Subject: 'Re: A', 'Message-ID': '<a3@c>', References: '<unknown@x> <a2@c>' }, 'tres'))
    ).json();
    const [conversation] = await db.select().from(conversations).where(eq(conversations.id, (await db.select().from(messages).where(eq(messages.id, first.message_id)))[0].conversationId));
    const byAddress = await (await post(ctx, inbox, mime({ From: from, To: `reply+${conversation.uuid}@tienda.test`, Subject: 'x', 'Message-ID': '<a4@c>' }, 'cuatro'))).json();
    const fresh = await (await post(ctx, inbox, mime({ From: from, To: 'soporte@tienda.test', Subject: 'Otro tema', 'Message-ID': '<b1@c>' }, 'otro'))).json();

    expect([byReplyTo.conversation_id, byReferences.conversation_id, byAddress.conversation_id]).toEqual([first.conversation_id, first.conversation_id, first.conversation_id]);
    expect(fresh.conversation_id).not.toBe(first.conversation_id);
  });

  it('HTML mail is stored sanitised (no scripts, handlers, javascript: links or remote images) with a text version as content', async () => {
    const { db } = database();
    const { ctx, inbox } = await emailWorkspace(db);
    const html =
      '<html><head><style>p{}</style><script>alert(1)</script></head><body><p onclick="steal()">Hola <b>equipo</b></p>' +
      '<a href="javascript:alert(1)">mal</a> <a href="https://tienda.test/x">bien</a><img src="https://tracker.test/p.gif" alt="logo"><iframe src="https://x"></iframe></body></html>';
    const response = await post(ctx, inbox, mime({ From: 'ana@cliente.test', To: 'soporte@tienda.test', Subject: 'H', 'Message-ID': '<h1@c>' }, html, 'text/html; charset=utf-8'));
    const [message] = await db.select().from(messages).where(eq(messages.id, (await response.json()).message_id));

    const stored = message.contentAttributes.email?.html ?? '';
    expect(stored).toContain('<b>equipo</b>');
    expect(stored).toContain('href="https://tienda.test/x"');
    for (const bad of ['<script', 'alert(1)', 'onclick', 'javascript:', '<img', 'tracker.test', '<iframe', '<style']) expect(stored).not.toContain(bad);
    expect(message.content).toContain('Hola equipo');
    expect(message.content).not.toContain('alert');
  });

  it('sanitizeEmailHtml: event handlers, data: URLs and styles are removed; links open safely', () => {
    const out = sanitizeEmailHtml('<div style="position:fixed" onmouseover="x()"><a href="data:text/html,<script>1</script>">d</a><a href="mailto:a@b.c">m</a><svg onload="x()"></svg></div>');
    expect(out).not.toMatch(/style=|onmouseover|data:|<svg|onload/);
    expect(out).toContain('<a href="mailto:a@b.c" target="_blank" rel="noopener noreferrer nofollow">m</a>');
  });

  it('attachments are stored (content-typed) with the message', async () => {
    const { db } = database();
    const { ctx, inbox } = await emailWorkspace(db);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e21f2b5a0000000049454e44ae426082', 'hex');
    const raw = [
      'From: ana@cliente.test',
      'To: soporte@tienda.test',
      'Subject: Foto',
      'Message-ID: <att1@c>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Adjunto la foto',
      '--b',
      'Content-Type: image/png; name="foto.png"',
      'Content-Disposition: attachment; filename="foto.png"',
      'Content-Transfer-Encoding: base64',
      '',
      png.toString('base64'),
      '--b--',
      '',
    ].join('\r\n');

    const body = await (await post(ctx, inbox, raw)).json();

    const files = await db.select().from(attachments).where(eq(attachments.messageId, body.message_id));
    expect(files).toMatchObject([{ fileName: 'foto.png', mimeType: 'image/png', kind: 'image', size: png.length }]);
    expect(ctx.storedFiles.get(files[0].storageKey)?.data).toEqual(new Uint8Array(png));
  });

  it('a wrong token, an unknown inbox, a non-email body type or a mail without sender are 4xx and store nothing', async () => {
    const { db } = database();
    const { ctx, inbox } = await emailWorkspace(db);
    const raw = mime({ From: 'ana@cliente.test', To: 'soporte@tienda.test', Subject: 'x', 'Message-ID': '<t1@c>' }, 'hola');

    expect((await post(ctx, inbox, raw, 'wrong')).status).toBe(404);
    expect((await post(ctx, { ...inbox, identifier: 'nope' }, raw)).status).toBe(404);
    const text = await handleEmailInbound(ctx, new Request(`http://localhost/api/channels/email/inbound?inbox=${inbox.identifier}`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' }));
    expect(text.status).toBe(415);
    expect((await post(ctx, inbox, mime({ To: 'soporte@tienda.test', Subject: 'x' }, 'sin remitente'))).status).toBe(422);
    expect(await db.select().from(messages).where(eq(messages.inboxId, inbox.id))).toEqual([]);
  });

  it('Resend webhook: an unsigned post is 401; the Svix signature is verified', async () => {
    const { db } = database();
    const { ctx } = await emailWorkspace(db);
    const unsigned = await handleEmailInbound(ctx, new Request('http://localhost/api/channels/email/inbound', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"type":"email.received"}' }));
    expect(unsigned.status).toBe(401);

    const secret = `whsec_${Buffer.from('resend-test-secret').toString('base64')}`;
    const body = '{"type":"email.received","data":{"email_id":"e1"}}';
    const now = new Date();
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const signature = createHmac('sha256', Buffer.from('resend-test-secret')).update(`msg_1.${timestamp}.${body}`).digest('base64');
    expect(verifySvixSignature(secret, { id: 'msg_1', timestamp, signature: `v1,${signature}` }, body, now)).toBe(true);
    expect(verifySvixSignature(secret, { id: 'msg_1', timestamp, signature: `v1,${signature}` }, `${body} `, now)).toBe(false);
    expect(verifySvixSignature(secret, { id: 'msg_1', timestamp, signature: `v1,${signature}` }, body, new Date(now.getTime() + 600_000))).toBe(false);
  });
});

describe('email inbox: outbound replies', () => {
  it("an agent's reply is mailed From \"Agent <inbox address>\" with Message-ID, In-Reply-To and References; only in the outbox, the message stays sending", async () => {
    const { db } = database();
    const workspace = await emailWorkspace(db);
    const ctx = { ...workspace.ctx, mailer: createMailer('') };
    const { inbox } = workspace;
    const first = await (await post(ctx, inbox, mime({ From: 'Ana <ana@cliente.test>', To: 'soporte@tienda.test', Subject: 'Pedido', 'Message-ID': '<in1@c>' }, 'hola'))).json();
    const [incoming] = await db.select().from(messages).where(eq(messages.id, first.message_id));

    const reply = await sendMessage(ctx, { conversationId: incoming.conversationId, content: 'Le escribo <ya>\nSaludos' });
    await sendMessage(ctx, { conversationId: incoming.conversationId, content: 'nota interna', private: true });

    const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'reply'));
    const mine = mails.filter((mail) => mail.toAddresses.includes('ana@cliente.test'));
    expect(mine).toHaveLength(1);
    const [mail] = mine;
    expect(mail).toMatchObject({ fromAddress: '"Laura" <soporte@tienda.test>', subject: 'Re: Pedido', text: 'Le escribo <ya>\nSaludos', status: 'stored' });
    expect(mail.html).toContain('Le escribo &lt;ya&gt;<br>Saludos');
    expect(mail.headers).toMatchObject({ 'In-Reply-To': '<in1@c>', References: '<in1@c>', 'Message-ID': expect.stringMatching(/^<[0-9a-f-]+@tienda\.test>$/) });
    const [stored] = await db.select().from(messages).where(eq(messages.id, reply.id));
    // No mail provider: stored in the outbox only, not sent; the chat tells administrators why.
    expect(stored).toMatchObject({ status: 'sending', sourceId: mail.headers['Message-ID'], contentAttributes: { emailOutbox: true } });

    // The customer's answer to that mail threads back into the conversation.
    const answer = await (
      await post(ctx, inbox, mime({ From: 'ana@cliente.test', To: 'soporte@tienda.test', Subject: 'Re: Pedido', 'Message-ID': '<in2@c>', 'In-Reply-To': mail.headers['Message-ID'] }, 'gracias'))
    ).json();
    expect(answer.conversation_id).toBe(first.conversation_id);
    expect((await messagesOf(db, incoming.conversationId)).map((message) => message.content)).toEqual(['hola', 'Le escribo <ya>\nSaludos', 'nota interna', 'gracias']);
  });

  it('a failed mail marks the message failed with the reason (message_updated webhook)', async () => {
    const { db } = database();
    const workspace = await emailWorkspace(db);
    const webhook = await createWebhook(db, { accountId: workspace.accountId, url: 'http://127.0.0.1:9/x', events: ['message_updated'] });
    const failing = { send: async () => ({ outboxId: 1, status: 'failed' as const }) };
    const ctx = { ...workspace.ctx, mailer: failing };
    const first = await (await post(ctx, workspace.inbox, mime({ From: 'ana@cliente.test', To: 'soporte@tienda.test', Subject: 'P', 'Message-ID': '<f1@c>' }, 'hola'))).json();
    const [incoming] = await db.select().from(messages).where(eq(messages.id, first.message_id));

    const reply = await sendMessage(ctx, { conversationId: incoming.conversationId, content: 'respuesta' });

    const [stored] = await db.select().from(messages).where(eq(messages.id, reply.id));
    expect(stored.status).toBe('failed');
    expect(stored.contentAttributes.deliveryError).toBe('mail_failed');
    expect((await deliveriesOf(db, webhook.id)).map((row) => [row.event, (row.payload as { id: number; status: string }).id, (row.payload as { status: string }).status])).toEqual([
      ['message_updated', reply.id, 'failed'],
    ]);
  });

  it('a conversation an agent starts in an email inbox (K1) is mailed with a Message-ID; the answer threads back', async () => {
    const { db } = database();
    const workspace = await emailWorkspace(db);
    // An administrator sees every contact of the account (an agent, only those of their inboxes).
    const admin = await createUser(db, { accountId: workspace.accountId, role: 'administrator', inboxIds: [workspace.inbox.id], name: 'Laura' });
    const ctx = { ...ctxFor(db, await actorFor(db, admin.id, workspace.accountId)), mailer: createMailer('') };
    const contact = await createContact(db, { accountId: workspace.accountId, email: `k1-${crypto.randomUUID().slice(0, 6)}@cliente.test` });

    const started = await startConversation(ctx, { contactId: contact.id, inboxId: workspace.inbox.id, content: 'Le escribimos por su pedido' });

    const [mail] = (await db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'reply'))).filter((row) => row.toAddresses.includes(contact.email as string));
    expect(mail).toMatchObject({ fromAddress: '"Laura" <soporte@tienda.test>', subject: expect.stringContaining(`#${started.displayId}`), text: 'Le escribimos por su pedido' });
    expect(mail.headers['In-Reply-To']).toBeUndefined();
    const answer = await (
      await post(ctx, workspace.inbox, mime({ From: contact.email as string, To: 'soporte@tienda.test', Subject: 'Re: x', 'Message-ID': '<k1@c>', 'In-Reply-To': mail.headers['Message-ID'] }, 'ok'))
    ).json();
    expect(answer.conversation_id).toBe(started.displayId);
  });
});

describe('email inbox: honest delivery status and mail loops', () => {
  it('a reply the mail provider accepted is sent', async () => {
    const { db } = database();
    const workspace = await emailWorkspace(db);
    const accepting = { send: async () => ({ outboxId: 1, status: 'sent' as const }) };
    const ctx = { ...workspace.ctx, mailer: accepting };
    const first = await (await post(ctx, workspace.inbox, mime({ From: 'ana@cliente.test', To: 'soporte@tienda.test', Subject: 'P', 'Message-ID': '<s1@c>' }, 'hola'))).json();
    const [incoming] = await db.select().from(messages).where(eq(messages.id, first.message_id));

    const reply = await sendMessage(ctx, { conversationId: incoming.conversationId, content: 'respuesta' });

    const [stored] = await db.select().from(messages).where(eq(messages.id, reply.id));
    expect(stored.status).toBe('sent');
    expect(stored.contentAttributes.emailOutbox).toBeUndefined();
  });

  it("an automatic mail From one of the account's own inbox addresses is a loop: dropped, nothing stored", async () => {
    const { db } = database();
    const { ctx, inbox, accountId } = await emailWorkspace(db);
    const other = await createInbox(db, { accountId, channelType: 'email' });
    await db.update(inboxes).set({ channelSettings: { emailAddress: 'Ventas@Tienda.test' } }).where(eq(inboxes.id, other.id));

    const loops = [
      mime({ From: 'soporte@tienda.test', To: 'soporte@tienda.test', Subject: 'Fuera de la oficina', 'Message-ID': '<l1@t>', 'Auto-Submitted': 'auto-replied' }, 'vuelvo el lunes'),
      mime({ From: 'Ventas <ventas@tienda.test>', To: 'soporte@tienda.test', Subject: 'Re: x', 'Message-ID': '<l2@t>', Precedence: 'bulk' }, 'respuesta automática'),
    ];
    for (const raw of loops) {
      const response = await post(ctx, inbox, raw);
      expect(response.status).toBe(202);
      expect(await response.json()).toMatchObject({ message_id: null, dropped: 'mail_loop' });
    }
    expect(await db.select().from(messages).where(eq(messages.inboxId, inbox.id))).toEqual([]);
  });

  it("a customer's automatic answer (out of office, a list) is stored as incoming and marked autoReply; a person's mail is not", async () => {
    const { db } = database();
    const { ctx, inbox } = await emailWorkspace(db);
    const stored = async (headers: Record<string, string>) => {
      const body = await (await post(ctx, inbox, mime({ From: 'ana@cliente.test', To: 'soporte@tienda.test', Subject: 'Re: Pedido', ...headers }, 'texto'))).json();
      const [message] = await db.select().from(messages).where(eq(messages.id, body.message_id));
      return [message.messageType, message.contentAttributes.email?.autoReply ?? false];
    };

    expect(await stored({ 'Message-ID': '<a1@c>', 'Auto-Submitted': 'auto-replied' })).toEqual(['incoming', true]);
    expect(await stored({ 'Message-ID': '<a2@c>', Precedence: 'list' })).toEqual(['incoming', true]);
    expect(await stored({ 'Message-ID': '<a3@c>', 'Auto-Submitted': 'no' })).toEqual(['incoming', false]);
    expect(await stored({ 'Message-ID': '<a4@c>', Precedence: 'first-class' })).toEqual(['incoming', false]);
    // A person writing from our own address (a test mail) is not automatic: stored.
    const own = await (await post(ctx, inbox, mime({ From: 'soporte@tienda.test', To: 'soporte@tienda.test', Subject: 'Prueba', 'Message-ID': '<a5@c>' }, 'prueba'))).json();
    expect(own.message_id).toEqual(expect.any(Number));
  });
});
