import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contactInboxes, contacts, conversationParticipants, conversations, messages, notifications } from '@/db/schema';
import { receiveCustomerMessage } from '@/lib/domain/channels/inbound/receive-customer-message';
import { sendMessage } from '@/lib/domain/messages/send-message';
import { createChannelWorkspace, messagesOf } from '../../helpers/channels-factories';
import { reload } from '../../helpers/conversation-actions-factories';
import { createConversation } from '../../helpers/factories';
import { useTestDatabase } from '../../helpers/db';

const database = useTestDatabase();

const customer = (sourceId = `src-${crypto.randomUUID()}`) => ({ sourceId, name: 'Ana Pérez', email: `${sourceId}@cliente.test` });

describe('receiveCustomerMessage: inbound routing', () => {
  it('a first message creates the contact, its inbox link and an open, unattended conversation, with events after commit', async () => {
    const { db } = database();
    const { ctx, inbox, accountId } = await createChannelWorkspace(db);
    const who = customer();

    const received = await receiveCustomerMessage(ctx, { inbox, contact: who, content: 'Hola, necesito ayuda', sourceId: 'm-1' });

    expect(received).toMatchObject({ duplicate: false, conversationCreated: true });
    const conversation = await reload(db, received.conversationId);
    expect(conversation).toMatchObject({ status: 'open', inboxId: inbox.id, contactId: received.contactId, firstReplyAt: null, assigneeId: null });
    expect(conversation.waitingSince).not.toBeNull();
    const [contact] = await db.select().from(contacts).where(eq(contacts.id, received.contactId));
    expect(contact).toMatchObject({ accountId, name: 'Ana Pérez', email: who.email });
    const [link] = await db.select().from(contactInboxes).where(eq(contactInboxes.id, received.contactInboxId));
    expect(link).toMatchObject({ inboxId: inbox.id, sourceId: who.sourceId });
    const [message] = await messagesOf(db, conversation.id);
    expect(message).toMatchObject({ messageType: 'incoming', senderType: 'contact', senderId: contact.id, content: 'Hola, necesito ayuda', sourceId: 'm-1' });
    const channel = `private-account-${accountId}-inbox-${inbox.id}`;
    expect(ctx.published.map((event) => [event.channel, event.event])).toEqual([
      [channel, 'conversation.created'],
      [channel, 'message.created'],
      [channel, 'conversation.updated'],
    ]);
  });

  it('the next message of the same contact goes into their open conversation; the same source id again is one message', async () => {
    const { db } = database();
    const { ctx, inbox } = await createChannelWorkspace(db);
    const who = customer();
    const first = await receiveCustomerMessage(ctx, { inbox, contact: who, content: 'Uno', sourceId: 'a' });
    const second = await receiveCustomerMessage(ctx, { inbox, contact: who, content: 'Dos', sourceId: 'b' });
    const again = await receiveCustomerMessage(ctx, { inbox, contact: who, content: 'Dos', sourceId: 'b' });

    expect(second).toMatchObject({ conversationId: first.conversationId, conversationCreated: false, duplicate: false });
    expect(again).toMatchObject({ messageId: second.messageId, duplicate: true });
    expect((await messagesOf(db, first.conversationId)).map((message) => message.content)).toEqual(['Uno', 'Dos']);
  });

  it('concurrent deliveries of the same message (same source id) store one message and one conversation', async () => {
    const { db } = database();
    const { ctx, inbox } = await createChannelWorkspace(db);
    const who = customer();

    const results = await Promise.all(Array.from({ length: 5 }, () => receiveCustomerMessage(ctx, { inbox, contact: who, content: 'Hola', sourceId: 'same' })));

    expect(new Set(results.map((result) => result.messageId)).size).toBe(1);
    expect(results.filter((result) => !result.duplicate)).toHaveLength(1);
    const stored = await db.select().from(messages).where(and(eq(messages.inboxId, inbox.id), eq(messages.sourceId, 'same')));
    expect(stored).toHaveLength(1);
    expect(await db.select().from(conversations).where(eq(conversations.inboxId, inbox.id))).toHaveLength(1);
  });

  it('concurrent different messages of a new contact open ONE conversation', async () => {
    const { db } = database();
    const { ctx, inbox } = await createChannelWorkspace(db);
    const who = customer();

    await Promise.all(['a', 'b', 'c'].map((id) => receiveCustomerMessage(ctx, { inbox, contact: who, content: id, sourceId: id })));

    const rows = await db.select().from(conversations).where(eq(conversations.inboxId, inbox.id));
    expect(rows).toHaveLength(1);
    expect(await messagesOf(db, rows[0].id)).toHaveLength(3);
  });

  it('resolved + policy reopen (the default): the conversation reopens with the system activity message', async () => {
    const { db } = database();
    const { ctx, inbox } = await createChannelWorkspace(db);
    const who = customer();
    const first = await receiveCustomerMessage(ctx, { inbox, contact: who, content: 'Uno' });
    await db.update(conversations).set({ status: 'resolved' }).where(eq(conversations.id, first.conversationId));
    ctx.published.length = 0;

    const next = await receiveCustomerMessage(ctx, { inbox, contact: who, content: 'Otra vez yo' });

    expect(next.conversationId).toBe(first.conversationId);
    expect((await reload(db, first.conversationId)).status).toBe('open');
    const all = await messagesOf(db, first.conversationId);
    expect(all.map((message) => [message.messageType, message.content])).toEqual([
      ['incoming', 'Uno'],
      ['activity', 'El sistema reabrió la conversación'],
      ['incoming', 'Otra vez yo'],
    ]);
    expect(ctx.published.map((event) => event.event)).toContain('conversation.status_changed');
  });

  it('resolved + policy new: a new conversation starts and the resolved one stays resolved', async () => {
    const { db } = database();
    const { ctx, inbox } = await createChannelWorkspace(db, { settings: { resolvedConversationPolicy: 'new' } });
    const who = customer();
    const first = await receiveCustomerMessage(ctx, { inbox, contact: who, content: 'Uno' });
    await db.update(conversations).set({ status: 'resolved' }).where(eq(conversations.id, first.conversationId));

    const next = await receiveCustomerMessage(ctx, { inbox, contact: who, content: 'Nueva consulta' });

    expect(next).toMatchObject({ conversationCreated: true });
    expect(next.conversationId).not.toBe(first.conversationId);
    expect((await reload(db, first.conversationId)).status).toBe('resolved');
    expect((await reload(db, next.conversationId)).status).toBe('open');
  });

  it('snoozed: the conversation wakes up (C2) with its activity message', async () => {
    const { db } = database();
    const { ctx, inbox } = await createChannelWorkspace(db);
    const who = customer();
    const first = await receiveCustomerMessage(ctx, { inbox, contact: who, content: 'Uno' });
    await db.update(conversations).set({ status: 'snoozed', snoozedUntil: new Date(Date.now() + 86_400_000) }).where(eq(conversations.id, first.conversationId));

    const next = await receiveCustomerMessage(ctx, { inbox, contact: who, content: '¿Hola?' });

    expect(next.conversationId).toBe(first.conversationId);
    expect(await reload(db, first.conversationId)).toMatchObject({ status: 'open', snoozedUntil: null });
    const activity = (await messagesOf(db, first.conversationId)).find((message) => message.messageType === 'activity');
    expect(activity?.content).toBe('La conversación se reabrió con la respuesta del cliente');
  });

  it('pending: the message joins it and it stays pending', async () => {
    const { db } = database();
    const { ctx, inbox } = await createChannelWorkspace(db);
    const who = customer();
    const first = await receiveCustomerMessage(ctx, { inbox, contact: who, content: 'Uno' });
    await db.update(conversations).set({ status: 'pending' }).where(eq(conversations.id, first.conversationId));

    const next = await receiveCustomerMessage(ctx, { inbox, contact: who, content: 'Dos' });

    expect(next.conversationId).toBe(first.conversationId);
    expect((await reload(db, first.conversationId)).status).toBe('pending');
  });

  it('V3 waiting-since: set by the customer, cleared by the agent reply, set again by the next customer message (not moved by a second one)', async () => {
    const { db } = database();
    let clock = new Date('2026-03-02T10:00:00Z');
    const { ctx, inbox } = await createChannelWorkspace(db, { now: () => clock });
    const who = customer();
    const first = await receiveCustomerMessage(ctx, { inbox, contact: who, content: 'Uno' });
    expect((await reload(db, first.conversationId)).waitingSince).toEqual(clock);

    clock = new Date('2026-03-02T10:05:00Z');
    await sendMessage(ctx, { conversationId: first.conversationId, content: 'Le ayudo' });
    expect(await reload(db, first.conversationId)).toMatchObject({ waitingSince: null, firstReplyAt: clock });

    clock = new Date('2026-03-02T11:00:00Z');
    await receiveCustomerMessage(ctx, { inbox, contact: who, content: 'Gracias, otra cosa' });
    const waitingFrom = clock;
    clock = new Date('2026-03-02T11:10:00Z');
    await receiveCustomerMessage(ctx, { inbox, contact: who, content: '¿Sigue ahí?' });
    expect((await reload(db, first.conversationId)).waitingSince).toEqual(waitingFrom);
  });

  it('B3: a message sent outside the platform is outgoing, counts as the reply (wait cleared) and never reopens a resolved conversation', async () => {
    const { db } = database();
    const { ctx, inbox } = await createChannelWorkspace(db);
    const who = customer();
    const first = await receiveCustomerMessage(ctx, { inbox, contact: who, content: 'Uno' });

    await receiveCustomerMessage(ctx, { inbox, contact: who, content: 'Respondido desde el CRM', sentOutsidePlatform: true });

    const conversation = await reload(db, first.conversationId);
    expect(conversation.waitingSince).toBeNull();
    expect(conversation.firstReplyAt).not.toBeNull();
    const last = (await messagesOf(db, first.conversationId)).at(-1);
    expect(last).toMatchObject({ messageType: 'outgoing', sentOutsidePlatform: true, senderType: 'automation', senderId: null });

    await db.update(conversations).set({ status: 'resolved' }).where(eq(conversations.id, first.conversationId));
    await receiveCustomerMessage(ctx, { inbox, contact: who, content: 'Seguimiento', sentOutsidePlatform: true });
    expect((await reload(db, first.conversationId)).status).toBe('resolved');
  });

  it('participants are notified of the customer message (P1)', async () => {
    const { db } = database();
    const { ctx, inbox, agent } = await createChannelWorkspace(db);
    const who = customer();
    const first = await receiveCustomerMessage(ctx, { inbox, contact: who, content: 'Uno' });
    await db.insert(conversationParticipants).values({ conversationId: first.conversationId, userId: agent.id });
    ctx.published.length = 0;

    const next = await receiveCustomerMessage(ctx, { inbox, contact: who, content: 'Dos' });

    const rows = await db.select().from(notifications).where(eq(notifications.messageId, next.messageId));
    expect(rows).toMatchObject([{ userId: agent.id, type: 'participating_message', actorId: null }]);
    expect(ctx.published.some((event) => event.channel === `private-user-${agent.id}` && event.event === 'notification.created')).toBe(true);
  });

  it('an existing contact of the account is found by email; a named conversation of another inbox is not used', async () => {
    const { db } = database();
    const { ctx, inbox, accountId } = await createChannelWorkspace(db);
    const [known] = await db.insert(contacts).values({ accountId, name: 'Conocida', email: 'conocida@cliente.test' }).returning();
    const elsewhere = await createConversation(db, { accountId, inboxId: (await createChannelWorkspace(db)).inbox.id });

    const received = await receiveCustomerMessage(ctx, {
      inbox,
      contact: { sourceId: 'conocida@cliente.test', email: 'CONOCIDA@cliente.test' },
      content: 'Hola',
      conversationId: elsewhere.id,
    });

    expect(received.contactId).toBe(known.id);
    expect(received.conversationId).not.toBe(elsewhere.id);
  });
});
