import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { accounts, attachments } from '@/db/schema';
import { sendTranscript } from '@/lib/domain/transcripts/send-transcript';
import { useTestDatabase } from '../../helpers/db';
import { createWorkspace } from '../../helpers/conversation-actions-factories';
import { actorFor, createAccount, createContact, createConversation, createInbox, createMessage, createUser, ctxFor } from '../../helpers/factories';

const database = useTestDatabase();

const previousAppUrl = process.env.APP_URL;
afterEach(() => {
  if (previousAppUrl === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = previousAppUrl;
});

// A conversation with everything a chat holds: the customer's messages, an agent's reply with an
// attachment, a private note, an activity line, and a message trying to smuggle HTML.
const conversationWithHistory = async (db: Db, options: { locale?: 'es' | 'en' } = {}) => {
  const workspace = await createWorkspace(db, { locale: options.locale, name: 'Laura' });
  const contact = await createContact(db, { accountId: workspace.accountId, name: 'Marta <Ruiz>', email: 'marta@example.test' });
  const conversation = await createConversation(db, { accountId: workspace.accountId, inboxId: workspace.inboxId, contactId: contact.id });
  const at = (minute: number) => new Date(Date.UTC(2025, 2, 11, 15, minute));
  await createMessage(db, { conversationId: conversation.id, content: 'Hola, mi pedido no llega.\nEs el 1234.', createdAt: at(0) });
  const reply = await createMessage(db, {
    conversationId: conversation.id,
    messageType: 'outgoing',
    senderId: workspace.me.id,
    content: 'Te envío la factura.',
    createdAt: at(1),
  });
  await db.insert(attachments).values({
    accountId: workspace.accountId,
    messageId: reply.id,
    kind: 'file',
    fileName: 'factura "marzo".pdf',
    mimeType: 'application/pdf',
    size: 1000,
    storageKey: 'k/factura.pdf',
  });
  await createMessage(db, {
    conversationId: conversation.id,
    messageType: 'outgoing',
    senderId: workspace.me.id,
    private: true,
    content: 'NOTA INTERNA: cliente difícil',
    createdAt: at(2),
  });
  await createMessage(db, { conversationId: conversation.id, messageType: 'activity', content: 'Laura cambió el estado a resuelta', createdAt: at(3) });
  await createMessage(db, { conversationId: conversation.id, content: '<script>alert("x")</script> & <b>gracias</b>', createdAt: at(4) });
  const [file] = await db.select().from(attachments).where(eq(attachments.messageId, reply.id));
  return { ...workspace, conversation, contact, attachmentId: file.id };
};

describe('sendTranscript (C4)', () => {
  it('mails the customer-visible history to the contact: subject, senders, times in the account zone, attachments; no private note, no activity', async () => {
    const { db } = database();
    const { ctx, me, conversation, attachmentId } = await conversationWithHistory(db);

    const result = await sendTranscript(ctx, { conversationId: conversation.id, to: 'contact' });

    expect(result).toEqual({ outboxId: 1, status: 'stored' });
    expect(ctx.sentMail).toHaveLength(1);
    const [mail] = ctx.sentMail;
    expect(mail).toMatchObject({ kind: 'transcript', to: ['marta@example.test'], accountId: ctx.actor.accountId, sentByUserId: me.id });
    expect(mail.subject).toBe(`Transcripción de la conversación #${conversation.displayId}`);
    for (const body of [mail.text, mail.html]) {
      expect(body).not.toContain('NOTA INTERNA');
      expect(body).not.toContain('cambió el estado');
      expect(body).toContain('Te envío la factura.');
      expect(body).toMatch(new RegExp(`http://localhost:3000/api/attachments/${attachmentId}\\?expires=\\d+&(amp;)?signature=[\\w-]+`));
      // 15:00 UTC is 09:00 in Mexico City, the account's zone.
      expect(body).toMatch(/11 mar 2025\D+9:00/);
    }
    expect(mail.text).toContain('Marta <Ruiz>:\nHola, mi pedido no llega.\nEs el 1234.');
    expect(mail.text).toContain('Laura:\nTe envío la factura.');
    expect(mail.text).toMatch(new RegExp(`Adjunto: factura "marzo".pdf <http://localhost:3000/api/attachments/${attachmentId}\\?expires=\\d+&signature=[\\w-]+>`));
    expect(mail.text.indexOf('mi pedido')).toBeLessThan(mail.text.indexOf('factura.'));
  });

  it('escapes every user string in the HTML: a <script> message, names and file names never become markup', async () => {
    const { db } = database();
    const { ctx, conversation } = await conversationWithHistory(db);

    await sendTranscript(ctx, { conversationId: conversation.id, to: 'contact' });

    const { html, text } = ctx.sentMail[0];
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>gracias');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;gracias&lt;/b&gt;');
    expect(html).toContain('Marta &lt;Ruiz&gt;');
    expect(html).toContain('factura &quot;marzo&quot;.pdf');
    // The plain-text version is text: shown as written.
    expect(text).toContain('<script>alert("x")</script> & <b>gracias</b>');
  });

  it('writes in the account language (English) and links attachments under APP_URL', async () => {
    const { db } = database();
    process.env.APP_URL = 'https://support.example.com/';
    const { ctx, conversation, attachmentId } = await conversationWithHistory(db, { locale: 'en' });

    await sendTranscript(ctx, { conversationId: conversation.id, to: 'contact' });

    const [mail] = ctx.sentMail;
    expect(mail.subject).toBe(`Conversation transcript #${conversation.displayId}`);
    expect(mail.text).toMatch(new RegExp(`Attachment: factura "marzo".pdf <https://support.example.com/api/attachments/${attachmentId}\\?expires=\\d+&signature=[\\w-]+>`));
    expect(mail.html).toMatch(new RegExp(`href="https://support.example.com/api/attachments/${attachmentId}\\?expires=\\d+&amp;signature=[\\w-]+"`));
    expect(mail.text).toMatch(/Mar 11, 2025\D+9:00/);
  });

  it('automated messages speak for the account; an empty conversation says it has no messages', async () => {
    const { db } = database();
    const { ctx, conversation, accountId } = await createWorkspace(db);
    await db.update(accounts).set({ name: 'Tienda Sol' }).where(eq(accounts.id, accountId));
    const open = await conversation();
    const empty = await conversation();
    await createMessage(db, { conversationId: open.id, messageType: 'template', senderType: 'automation', content: 'Gracias por escribirnos' });

    await sendTranscript(ctx, { conversationId: open.id, to: { email: 'a@example.test' } });
    await sendTranscript(ctx, { conversationId: empty.id, to: { email: 'a@example.test' } });

    expect(ctx.sentMail[0].text).toMatch(/\] Tienda Sol:\nGracias por escribirnos/);
    expect(ctx.sentMail[1].text).toContain('Esta conversación no tiene mensajes.');
  });

  describe('recipients', () => {
    it('to the contact only when the contact has an email: otherwise INVALID_INPUT no_contact_email, nothing sent', async () => {
      const { db } = database();
      const { ctx, accountId, inboxId } = await createWorkspace(db);
      const noEmail = await createContact(db, { accountId, email: null, phone: '+34600000000' });
      const conversation = await createConversation(db, { accountId, inboxId, contactId: noEmail.id });

      await expect(sendTranscript(ctx, { conversationId: conversation.id, to: 'contact' })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { reason: 'no_contact_email' },
      });
      expect(ctx.sentMail).toEqual([]);
    });

    it('to the assigned agent\'s email; with nobody assigned INVALID_INPUT no_assignee', async () => {
      const { db } = database();
      const { ctx, accountId, inboxId, conversation } = await createWorkspace(db);
      const assignee = await createUser(db, { accountId, inboxIds: [inboxId], email: 'diego@example.test' });
      const assigned = await conversation({ assigneeId: assignee.id });
      const unassigned = await conversation();

      await sendTranscript(ctx, { conversationId: assigned.id, to: 'assignee' });
      await expect(sendTranscript(ctx, { conversationId: unassigned.id, to: 'assignee' })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { reason: 'no_assignee' },
      });

      expect(ctx.sentMail.map((mail) => mail.to)).toEqual([['diego@example.test']]);
    });

    it('to another address when it is one valid address (trimmed)', async () => {
      const { db } = database();
      const { ctx, conversation } = await createWorkspace(db);
      const open = await conversation();

      await sendTranscript(ctx, { conversationId: open.id, to: { email: '  boss@example.test ' } });

      expect(ctx.sentMail.map((mail) => mail.to)).toEqual([['boss@example.test']]);
    });

    it('refuses anything else with INVALID_INPUT: not an address, several, header injection with CR/LF, over 320 characters', async () => {
      const { db } = database();
      const { ctx, conversation } = await createWorkspace(db);
      const open = await conversation();
      const invalid = [
        '',
        'not-an-address',
        'a@example.test, b@example.test',
        'a@example.test\r\nBcc: everyone@example.test',
        'a@example.test\nBcc: everyone@example.test',
        'a@example.test\r',
        `${'a'.repeat(310)}@example.test`,
        'Marta <marta@example.test>',
      ];
      for (const email of invalid) {
        await expect(sendTranscript(ctx, { conversationId: open.id, to: { email } })).rejects.toMatchObject({
          code: 'INVALID_INPUT',
          details: { field: 'email' },
        });
      }
      await expect(sendTranscript(ctx, { conversationId: open.id, to: 'everyone' as never })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      expect(ctx.sentMail).toEqual([]);
    });

    it('a stored contact email with a line break is refused too', async () => {
      const { db } = database();
      const { ctx, accountId, inboxId } = await createWorkspace(db);
      const contact = await createContact(db, { accountId, email: 'x@example.test\r\nBcc: all@example.test' });
      const conversation = await createConversation(db, { accountId, inboxId, contactId: contact.id });

      await expect(sendTranscript(ctx, { conversationId: conversation.id, to: 'contact' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      expect(ctx.sentMail).toEqual([]);
    });
  });

  describe('authorization', () => {
    it("another inbox's conversation (for an agent of another inbox) and another account's are NOT_FOUND; nothing is sent", async () => {
      const { db } = database();
      const { ctx, accountId } = await createWorkspace(db);
      const otherInbox = await createInbox(db, { accountId });
      const notMine = await createConversation(db, { accountId, inboxId: otherInbox.id });
      const foreignAccount = await createAccount(db);
      const foreign = await createConversation(db, { accountId: foreignAccount.id, inboxId: (await createInbox(db, { accountId: foreignAccount.id })).id });

      for (const hidden of [notMine, foreign]) {
        for (const to of ['contact', 'assignee', { email: 'a@example.test' }] as const) {
          await expect(sendTranscript(ctx, { conversationId: hidden.id, to })).rejects.toMatchObject({ code: 'NOT_FOUND' });
        }
      }
      await expect(sendTranscript(ctx, { conversationId: 'abc' as never, to: 'contact' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(ctx.sentMail).toEqual([]);
    });

    it('an administrator may send the transcript of any inbox of the account', async () => {
      const { db } = database();
      const { accountId } = await createWorkspace(db);
      const admin = await createUser(db, { accountId, role: 'administrator' });
      const ctx = ctxFor(db, await actorFor(db, admin.id, accountId));
      const conversation = await createConversation(db, { accountId, inboxId: (await createInbox(db, { accountId })).id });

      await sendTranscript(ctx, { conversationId: conversation.id, to: 'contact' });

      expect(ctx.sentMail).toHaveLength(1);
    });
  });
});
