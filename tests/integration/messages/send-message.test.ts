import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { messages } from '@/db/schema';
import { sendMessage } from '@/lib/domain/messages/send-message';
import { useTestDatabase } from '../../helpers/db';
import { actorFor, createAccount, createInbox, createMessage, createUser, ctxFor } from '../../helpers/factories';
import { createMessagesWorkspace, participantIds, reloadConversation } from '../../helpers/messages-factories';

const database = useTestDatabase();

const customerWroteAt = new Date('2025-03-10T09:00:00Z');
const repliedAt = new Date('2025-03-10T09:05:00Z');

describe('sendMessage: public replies (B2)', () => {
  it("an agent's first public reply sets the first-reply time and ends the customer's wait; later replies keep the first time", async () => {
    const { db } = database();
    let now = repliedAt;
    const { ctx, me, conversation } = await createMessagesWorkspace(db, { now: () => now });
    const waiting = await conversation({ waitingSince: customerWroteAt, lastActivityAt: customerWroteAt });
    await createMessage(db, { conversationId: waiting.id, createdAt: customerWroteAt });

    const reply = await sendMessage(ctx, { conversationId: waiting.id, content: '  Hola, ¿en qué te ayudo?\nDime tu pedido.  ', private: false });

    expect(reply).toMatchObject({
      messageType: 'outgoing',
      private: false,
      senderType: 'agent',
      senderId: me.id,
      senderName: 'Laura',
      status: 'sent',
      content: 'Hola, ¿en qué te ayudo?\nDime tu pedido.',
      attachments: [],
    });
    let stored = await reloadConversation(db, waiting.id);
    expect(stored.firstReplyAt).toEqual(repliedAt);
    expect(stored.waitingSince).toBeNull();
    expect(stored.lastActivityAt).toEqual(repliedAt);

    now = new Date('2025-03-10T10:00:00Z');
    await sendMessage(ctx, { conversationId: waiting.id, content: '¿Algo más?', private: false });
    stored = await reloadConversation(db, waiting.id);
    expect(stored.firstReplyAt).toEqual(repliedAt);
    expect(stored.lastActivityAt).toEqual(now);
  });

  it('a private note neither counts as a reply nor ends the wait (the conversation stays unattended)', async () => {
    const { db } = database();
    const { ctx, conversation } = await createMessagesWorkspace(db, { now: repliedAt });
    const waiting = await conversation({ waitingSince: customerWroteAt });

    const note = await sendMessage(ctx, { conversationId: waiting.id, content: 'Revisar con facturación', private: true });

    expect(note.private).toBe(true);
    const stored = await reloadConversation(db, waiting.id);
    expect(stored.firstReplyAt).toBeNull();
    expect(stored.waitingSince).toEqual(customerWroteAt);
    expect(stored.lastActivityAt).toEqual(repliedAt);
  });

  it('a reply to a resolved or snoozed conversation leaves its status as it is', async () => {
    const { db } = database();
    const { ctx, conversation } = await createMessagesWorkspace(db);
    const resolved = await conversation({ status: 'resolved' });
    const snoozed = await conversation({ status: 'snoozed', snoozedUntil: new Date(Date.now() + 86_400_000) });

    await sendMessage(ctx, { conversationId: resolved.id, content: 'Gracias por escribirnos', private: false });
    await sendMessage(ctx, { conversationId: snoozed.id, content: 'Te escribo mañana', private: false });

    expect((await reloadConversation(db, resolved.id)).status).toBe('resolved');
    expect((await reloadConversation(db, snoozed.id)).status).toBe('snoozed');
  });

  it('the sender becomes a participant of the conversation', async () => {
    const { db } = database();
    const { ctx, me, conversation } = await createMessagesWorkspace(db);
    const open = await conversation();

    await sendMessage(ctx, { conversationId: open.id, content: 'Hola', private: false });

    expect(await participantIds(db, open.id)).toEqual([me.id]);
  });

  it('announces message.created (ids only) and conversation.updated on the inbox channel, after commit', async () => {
    const { db } = database();
    const { ctx, accountId, inboxId, conversation } = await createMessagesWorkspace(db);
    const open = await conversation();

    const reply = await sendMessage(ctx, { conversationId: open.id, content: 'Hola', private: false, echoId: 'echo-1' });

    const channel = `private-account-${accountId}-inbox-${inboxId}`;
    expect(ctx.published.map(({ channel: c, event }) => [c, event])).toEqual([
      [channel, 'message.created'],
      [channel, 'conversation.updated'],
    ]);
    expect(ctx.published[0].data).toEqual({ conversationId: open.id, messageId: reply.id, messageType: 'outgoing', private: false, echoId: 'echo-1', conversation: { status: 'open', assigneeId: open.assigneeId } });
  });
});

describe('sendMessage: W5 retries are idempotent by echoId', () => {
  it('the same send twice (same conversation, echoId and sender) stores one message and returns it both times', async () => {
    const { db } = database();
    const { ctx, conversation } = await createMessagesWorkspace(db);
    const open = await conversation();

    const first = await sendMessage(ctx, { conversationId: open.id, content: 'Hola', private: false, echoId: 'b1c0b3a2' });
    const retry = await sendMessage(ctx, { conversationId: open.id, content: 'Hola', private: false, echoId: 'b1c0b3a2' });
    const concurrent = await Promise.all([
      sendMessage(ctx, { conversationId: open.id, content: 'Otra', private: false, echoId: 'c2' }),
      sendMessage(ctx, { conversationId: open.id, content: 'Otra', private: false, echoId: 'c2' }),
    ]);

    expect(retry.id).toBe(first.id);
    expect(concurrent[0].id).toBe(concurrent[1].id);
    const stored = await db.select().from(messages).where(eq(messages.conversationId, open.id));
    expect(stored).toHaveLength(2);
    // The retry announces nothing new.
    expect(ctx.published.filter((event) => event.event === 'message.created')).toHaveLength(2);
  });

  it("another agent's send with the same echoId is a different message", async () => {
    const { db } = database();
    const { ctx, conversation, teammate } = await createMessagesWorkspace(db);
    const open = await conversation();
    const sofia = await teammate({ name: 'Sofía' });

    const mine = await sendMessage(ctx, { conversationId: open.id, content: 'Hola', private: false, echoId: 'same' });
    const hers = await sendMessage(sofia.ctx, { conversationId: open.id, content: 'Hola', private: false, echoId: 'same' });

    expect(hers.id).not.toBe(mine.id);
  });
});

describe('sendMessage: input and authorization', () => {
  it('refuses an empty message, whitespace only, and more than 10 000 characters (INVALID_INPUT); nothing is stored', async () => {
    const { db } = database();
    const { ctx, conversation } = await createMessagesWorkspace(db);
    const open = await conversation();

    for (const content of ['', '   \n  ', 'x'.repeat(10_001)]) {
      await expect(sendMessage(ctx, { conversationId: open.id, content, private: false })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'content' } });
    }
    await expect(sendMessage(ctx, { conversationId: open.id, content: 'x'.repeat(10_000), private: false })).resolves.toMatchObject({ content: 'x'.repeat(10_000) });
    expect(await db.select().from(messages).where(eq(messages.conversationId, open.id))).toHaveLength(1);
  });

  it("an agent of another inbox, of another account, or a deactivated member gets NOT_FOUND and changes nothing", async () => {
    const { db } = database();
    const { accountId, conversation } = await createMessagesWorkspace(db);
    const open = await conversation();
    const otherInbox = await createInbox(db, { accountId });
    const outsider = await createUser(db, { accountId, inboxIds: [otherInbox.id] });
    const foreignAccount = await createAccount(db);
    const foreigner = await createUser(db, { accountId: foreignAccount.id, role: 'administrator' });

    for (const ctx of [ctxFor(db, await actorFor(db, outsider.id, accountId)), ctxFor(db, await actorFor(db, foreigner.id, foreignAccount.id))]) {
      await expect(sendMessage(ctx, { conversationId: open.id, content: 'Hola', private: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(sendMessage(ctx, { conversationId: open.id, content: 'Nota', private: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(ctx.published).toEqual([]);
    }
    await expect(sendMessage(ctxFor(db, await actorFor(db, outsider.id, accountId)), { conversationId: 'abc' as never, content: 'Hola' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.select().from(messages).where(eq(messages.conversationId, open.id))).toEqual([]);
    expect((await reloadConversation(db, open.id)).firstReplyAt).toBeNull();
  });

  it('an administrator of the account may reply in any inbox', async () => {
    const { db } = database();
    const { accountId, conversation } = await createMessagesWorkspace(db);
    const open = await conversation();
    const admin = await createUser(db, { accountId, role: 'administrator', name: 'Admin' });

    const reply = await sendMessage(ctxFor(db, await actorFor(db, admin.id, accountId)), { conversationId: open.id, content: 'Hola', private: false });

    expect(reply.senderName).toBe('Admin');
    const [stored] = await db.select().from(messages).where(and(eq(messages.conversationId, open.id), eq(messages.id, reply.id)));
    expect(stored.senderId).toBe(admin.id);
  });
});
