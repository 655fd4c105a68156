import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accounts, contactInboxes, contacts, conversationParticipants, conversations, messages } from '@/db/schema';
import { getConversation } from '@/lib/domain/conversations/get-conversation';
import { startConversation } from '@/lib/domain/conversations/start-conversation';
import { listMessages } from '@/lib/domain/messages/list-messages';
import { useTestDatabase } from '../../helpers/db';
import { createContactInbox, createContactsWorld, refusal } from '../../helpers/contacts-factories';

const database = useTestDatabase();

// The agent Pedro belongs to Soporte (website) and, here, to the API and Ventas (email) inboxes too.
const setup = async () => {
  const { db } = database();
  const world = await createContactsWorld(db);
  const agent = await world.member({ inboxIds: [world.support.id, world.api.id, world.sales.id], name: 'Marta' });
  const now = new Date('2030-03-01T10:00:00Z');
  const ctx = { ...agent.ctx, now: () => now };
  return { db, world, agent, ctx, now };
};

describe('startConversation (K1: "Nuevo mensaje")', () => {
  it('opens a conversation in an API inbox with the agent’s first message, assigned to the agent and not waiting for a reply', async () => {
    const { db, world, agent, ctx, now } = await setup();
    const contact = await world.customer({ name: 'Ana' });
    const [{ lastConversationDisplayId: before }] = await db.select().from(accounts).where(eq(accounts.id, world.accountId));

    const { conversationId, displayId } = await startConversation(ctx, { contactId: contact.id, inboxId: world.api.id, content: '  Hola Ana,\r\n¿seguimos con tu pedido?  ' });

    expect(displayId).toBe(before + 1);
    const conversation = await getConversation(ctx, { conversationId });
    expect(conversation).toMatchObject({
      displayId,
      inboxId: world.api.id,
      contactId: contact.id,
      status: 'open',
      assigneeId: agent.id,
      firstReplyAt: now,
      waitingSince: null,
      lastActivityAt: now,
    });
    const { messages: chat } = await listMessages(ctx, { conversationId });
    expect(chat).toEqual([
      expect.objectContaining({ messageType: 'outgoing', senderType: 'agent', senderId: agent.id, senderName: 'Marta', private: false, status: 'sent', content: 'Hola Ana,\n¿seguimos con tu pedido?' }),
    ]);
    // The channel link: a generated source id, reused by the next conversation in the same inbox.
    const [link] = await db.select().from(contactInboxes).where(and(eq(contactInboxes.contactId, contact.id), eq(contactInboxes.inboxId, world.api.id)));
    expect(link.sourceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(conversation.contactInboxId).toBe(link.id);
    const again = await startConversation(ctx, { contactId: contact.id, inboxId: world.api.id, content: 'Otra cosa' });
    expect((await getConversation(ctx, { conversationId: again.conversationId })).contactInboxId).toBe(link.id);
    expect(again.displayId).toBe(displayId + 1);

    expect(await db.select().from(conversationParticipants).where(eq(conversationParticipants.conversationId, conversationId))).toEqual([
      expect.objectContaining({ userId: agent.id }),
    ]);
    expect((await db.select().from(contacts).where(eq(contacts.id, contact.id)))[0].lastActivityAt).toEqual(now);
  });

  it('tells the inbox’s agents: conversation.created and message.created after the commit; the API contact hears the message', async () => {
    const { world, ctx } = await setup();
    const contact = await world.customer({ name: 'Ana' });

    const { conversationId } = await startConversation(ctx, { contactId: contact.id, inboxId: world.api.id, content: 'Hola' });

    const channel = `private-account-${world.accountId}-inbox-${world.api.id}`;
    const agents = ctx.published.filter(({ channel: on }) => on === channel);
    expect(agents.map(({ channel: on, event, data }) => [on, event, data.conversationId])).toEqual([
      [channel, 'conversation.created', conversationId],
      [channel, 'message.created', conversationId],
    ]);
    // The contact's own channel (its pubsub token) carries the public reply.
    expect(ctx.published.filter(({ channel: on }) => on !== channel).map(({ channel: on, event }) => [on.startsWith('private-contact-'), event])).toEqual([[true, 'message.created']]);
  });

  it('writes to the contact’s email address in an email inbox, reusing its link', async () => {
    const { db, world, ctx } = await setup();
    const contact = await world.customer({ name: 'Ana', email: 'Ana@Example.test' });

    const first = await startConversation(ctx, { contactId: contact.id, inboxId: world.sales.id, content: 'Hola' });
    const second = await startConversation(ctx, { contactId: contact.id, inboxId: world.sales.id, content: 'Hola otra vez' });

    const links = await db.select().from(contactInboxes).where(and(eq(contactInboxes.contactId, contact.id), eq(contactInboxes.inboxId, world.sales.id)));
    expect(links.map((link) => link.sourceId)).toEqual(['ana@example.test']);
    const rows = await db.select().from(conversations).where(eq(conversations.contactId, contact.id));
    expect(rows.filter((row) => [first.conversationId, second.conversationId].includes(row.id)).map((row) => row.contactInboxId)).toEqual([links[0].id, links[0].id]);
  });

  it('refuses channels that cannot write first, and email to a contact without an address, writing nothing', async () => {
    const { db, world, ctx } = await setup();
    const contact = await world.customer({ name: 'Visitante', email: null });
    const count = async () => (await db.select().from(conversations).where(eq(conversations.contactId, contact.id))).length;

    expect(await refusal(() => startConversation(ctx, { contactId: contact.id, inboxId: world.support.id, content: 'Hola' }))).toEqual({
      code: 'INVALID_INPUT',
      details: { field: 'inboxId', reason: 'channel_cannot_start' },
    });
    expect(await refusal(() => startConversation(ctx, { contactId: contact.id, inboxId: world.sales.id, content: 'Hola' }))).toEqual({
      code: 'INVALID_INPUT',
      details: { field: 'inboxId', reason: 'contact_has_no_email' },
    });
    for (const content of ['', '   \n ', 'x'.repeat(10_001)]) {
      expect(await refusal(() => startConversation(ctx, { contactId: contact.id, inboxId: world.api.id, content }))).toEqual({
        code: 'INVALID_INPUT',
        details: { field: 'content' },
      });
    }
    expect(await count()).toBe(1);
    expect(await db.select().from(contactInboxes).where(eq(contactInboxes.contactId, contact.id))).toEqual([]);
  });

  it('refuses an email address still linked to another contact in that inbox, naming that contact', async () => {
    const { db, world, ctx } = await setup();
    const previous = await world.customer({ name: 'Antes era mío', email: 'old@example.test' });
    await createContactInbox(db, { contactId: previous.id, inboxId: world.sales.id, sourceId: 'shared@example.test' });
    await db.update(contacts).set({ email: null }).where(eq(contacts.id, previous.id));
    const contact = await world.customer({ name: 'Ana', email: 'shared@example.test' });

    expect(await refusal(() => startConversation(ctx, { contactId: contact.id, inboxId: world.sales.id, content: 'Hola' }))).toEqual({
      code: 'CONFLICT',
      details: { field: 'email', contactId: previous.id, contactName: 'Antes era mío' },
    });
  });

  it('is NOT_FOUND for an inbox the agent is not in, a contact they may not see, and anything of another account', async () => {
    const { db, world, ctx } = await setup();
    const other = await createContactsWorld(db);
    const stranger = await other.customer({ name: 'Otra cuenta' });
    const visible = await world.customer({ name: 'Ana' });
    const hidden = await world.contact({ name: 'Sin conversaciones' });
    const agent = await world.ctxOf(world.agent);

    // Pedro is only in Soporte (website): the API inbox is not his.
    expect(await refusal(() => startConversation(agent, { contactId: visible.id, inboxId: world.api.id, content: 'Hola' }))).toEqual({
      code: 'NOT_FOUND',
      details: { entity: 'inbox' },
    });
    expect(await refusal(() => startConversation(ctx, { contactId: hidden.id, inboxId: world.api.id, content: 'Hola' }))).toEqual({
      code: 'NOT_FOUND',
      details: { entity: 'contact' },
    });
    expect((await refusal(() => startConversation(ctx, { contactId: stranger.id, inboxId: world.api.id, content: 'Hola' }))).code).toBe('NOT_FOUND');
    expect((await refusal(() => startConversation(ctx, { contactId: visible.id, inboxId: other.api.id, content: 'Hola' }))).details).toEqual({ entity: 'inbox' });

    // An administrator may use every inbox of the account and every contact.
    const admin = await world.ctxOf(world.admin);
    const { conversationId } = await startConversation(admin, { contactId: hidden.id, inboxId: world.api.id, content: 'Hola' });
    expect((await db.select().from(messages).where(eq(messages.conversationId, conversationId))).length).toBe(1);
  });
});
