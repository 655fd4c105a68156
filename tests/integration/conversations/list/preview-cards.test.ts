import { describe, expect, it } from 'vitest';
import { listConversations } from '@/lib/domain/conversations/list/list-conversations';
import { loadPreviewCards } from '@/lib/domain/conversations/list/load-preview-cards';
import { createContact, createConversation, createMessage, createTeam, createUser } from '@/tests/helpers/factories';
import { useTestDatabase } from '@/tests/helpers/db';
import { attachFile, createLabel, labelConversation, markRead, mentionUser, setupAccount } from '@/tests/helpers/list-factories';

const database = useTestDatabase();
const db = () => database().db;

const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 10, minute));
const everything = { status: 'all', tab: 'all' } as const;

describe('preview cards (L6)', () => {
  it('shows inbox, contact, assignee, team, labels, priority and status', async () => {
    const { accountId, inboxId, ctx } = await setupAccount(db());
    const agent = await createUser(db(), { accountId, inboxIds: [inboxId], name: 'Sofía' });
    const team = await createTeam(db(), { accountId, name: 'Ventas' });
    const contact = await createContact(db(), { accountId, name: 'Ana Pérez', email: 'ana@example.test', phone: '+525512345678' });
    const vip = await createLabel(db(), { accountId, title: 'vip', color: '#ff0000' });
    const billing = await createLabel(db(), { accountId, title: 'Billing' });
    const conversation = await createConversation(db(), {
      accountId,
      inboxId,
      contactId: contact.id,
      assigneeId: agent.id,
      teamId: team.id,
      priority: 'high',
    });
    await labelConversation(db(), conversation.id, vip.id, billing.id);
    const bare = await createConversation(db(), { accountId, inboxId });

    const [card, bareCard] = await loadPreviewCards(ctx, [conversation.id, bare.id]);

    expect(card).toMatchObject({
      id: conversation.id,
      displayId: conversation.displayId,
      status: 'open',
      priority: 'high',
      inbox: { id: inboxId, channelType: 'website' },
      contact: { id: contact.id, name: 'Ana Pérez', email: 'ana@example.test', phone: '+525512345678', avatarUrl: null },
      assignee: { id: agent.id, name: 'Sofía', avatarUrl: null },
      team: { id: team.id, name: 'Ventas' },
      labels: [
        { id: billing.id, title: 'Billing', color: billing.color },
        { id: vip.id, title: 'vip', color: '#ff0000' },
      ],
      lastMessage: null,
      unreadCount: 0,
      mentionedAt: null,
    });
    expect(card.lastActivityAt).toBeInstanceOf(Date);
    expect(card.createdAt).toBeInstanceOf(Date);
    expect(bareCard).toMatchObject({ assignee: null, team: null, labels: [], waitingSince: null, firstReplyAt: null });
  });

  it('keeps the order of the ids it is given and drops ids the actor may not see', async () => {
    const { accountId, inboxId, ctx } = await setupAccount(db());
    const first = await createConversation(db(), { accountId, inboxId });
    const second = await createConversation(db(), { accountId, inboxId });
    const foreign = await setupAccount(db());
    const theirs = await createConversation(db(), { accountId: foreign.accountId, inboxId: foreign.inboxId });

    const cards = await loadPreviewCards(ctx, [second.id, theirs.id, first.id]);

    expect(cards.map((card) => card.id)).toEqual([second.id, first.id]);
  });

  it('previews the last message that is not an activity message, with its sender', async () => {
    const { accountId, inboxId, adminId, ctx } = await setupAccount(db());
    const contact = await createContact(db(), { accountId, name: 'Luis' });
    const conversation = await createConversation(db(), { accountId, inboxId, contactId: contact.id });
    await createMessage(db(), { conversationId: conversation.id, content: 'Hola, necesito ayuda', createdAt: at(1) });
    const reply = await createMessage(db(), {
      conversationId: conversation.id,
      messageType: 'outgoing',
      senderId: adminId,
      content: 'Claro,\n\n   ¿en qué te   ayudo?',
      createdAt: at(2),
    });
    await createMessage(db(), { conversationId: conversation.id, messageType: 'activity', content: 'Laura resolvió la conversación', createdAt: at(3) });

    const [card] = await loadPreviewCards(ctx, [conversation.id]);

    expect(card.lastMessage).toMatchObject({
      id: reply.id,
      excerpt: 'Claro, ¿en qué te ayudo?',
      messageType: 'outgoing',
      private: false,
      senderType: 'agent',
      attachmentKind: null,
    });
    expect(card.lastMessage?.senderName).toMatch(/^Agent /);
    expect(card.lastMessage?.createdAt).toEqual(at(2));

    await createMessage(db(), { conversationId: conversation.id, content: 'Gracias', createdAt: at(4) });
    const [after] = await loadPreviewCards(ctx, [conversation.id]);
    expect(after.lastMessage).toMatchObject({ excerpt: 'Gracias', senderType: 'contact', senderName: 'Luis' });
  });

  it('private notes are previewed as private; long text is cut to about 140 characters', async () => {
    const { accountId, inboxId, adminId, ctx } = await setupAccount(db());
    const conversation = await createConversation(db(), { accountId, inboxId });
    await createMessage(db(), { conversationId: conversation.id, messageType: 'outgoing', private: true, senderId: adminId, content: 'é'.repeat(500) });

    const [card] = await loadPreviewCards(ctx, [conversation.id]);

    expect(card.lastMessage?.private).toBe(true);
    expect(Array.from(card.lastMessage?.excerpt ?? '')).toHaveLength(140);
    expect(card.lastMessage?.excerpt.endsWith('…')).toBe(true);
  });

  it('names the kind of the first attachment of the last message', async () => {
    const { accountId, inboxId, ctx } = await setupAccount(db());
    const conversation = await createConversation(db(), { accountId, inboxId });
    const message = await createMessage(db(), { conversationId: conversation.id, content: null });
    await attachFile(db(), { accountId, messageId: message.id, kind: 'audio' });
    await attachFile(db(), { accountId, messageId: message.id, kind: 'image' });

    const [card] = await loadPreviewCards(ctx, [conversation.id]);

    expect(card.lastMessage).toMatchObject({ id: message.id, excerpt: '', attachmentKind: 'audio' });
  });

  it('unread count: every incoming message without a read row, only the later ones after it', async () => {
    const { accountId, inboxId, adminId, ctx } = await setupAccount(db());
    const conversation = await createConversation(db(), { accountId, inboxId });
    await createMessage(db(), { conversationId: conversation.id, createdAt: at(1) });
    await createMessage(db(), { conversationId: conversation.id, createdAt: at(2) });
    await createMessage(db(), { conversationId: conversation.id, messageType: 'outgoing', senderId: adminId, createdAt: at(3) });
    await createMessage(db(), { conversationId: conversation.id, messageType: 'activity', createdAt: at(4) });
    await createMessage(db(), { conversationId: conversation.id, createdAt: at(5) });

    expect((await loadPreviewCards(ctx, [conversation.id]))[0].unreadCount).toBe(3);

    await markRead(db(), { conversationId: conversation.id, userId: adminId, lastReadAt: at(2) });
    expect((await loadPreviewCards(ctx, [conversation.id]))[0].unreadCount).toBe(1);

    // Someone else's read row changes nothing for this agent.
    const colleague = await createUser(db(), { accountId, inboxIds: [inboxId] });
    await markRead(db(), { conversationId: conversation.id, userId: colleague.id, lastReadAt: at(10) });
    expect((await loadPreviewCards(ctx, [conversation.id]))[0].unreadCount).toBe(1);
  });

  it('carries mentionedAt in the mentions view', async () => {
    const { accountId, inboxId, adminId, ctx } = await setupAccount(db());
    const conversation = await createConversation(db(), { accountId, inboxId });
    await mentionUser(db(), { accountId, userId: adminId, conversationId: conversation.id, mentionedAt: at(7) });

    const { items } = await listConversations(ctx, { kind: 'mentions' }, everything);

    expect(items[0].mentionedAt).toEqual(at(7));
  });

  it('a page of 25 cards takes the same few queries as a page of one', async () => {
    const { accountId, inboxId, ctx } = await setupAccount(db());
    const ids: number[] = [];
    for (let index = 0; index < 25; index += 1) {
      const conversation = await createConversation(db(), { accountId, inboxId });
      await createMessage(db(), { conversationId: conversation.id });
      ids.push(conversation.id);
    }
    let queries = 0;
    const counting = new Proxy(ctx.db, {
      get: (target, property, receiver) => {
        if (property === 'select') queries += 1;
        return Reflect.get(target, property, receiver);
      },
    });

    const cards = await loadPreviewCards({ ...ctx, db: counting }, ids);

    expect(cards).toHaveLength(25);
    expect(cards.every((card) => card.lastMessage && card.unreadCount === 1)).toBe(true);
    // The five prepared queries (four run per page; the fifth is the variant with the API's details)
    // plus the LATERAL subquery built with select: never one per conversation.
    expect(queries).toBeLessThanOrEqual(6);
  });
});
