import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { contactInboxes, contacts, conversations, messages } from '@/db/schema';
import { resetRateLimits } from '@/lib/domain/channels/api/rate-limit';
import { relayAgentTyping, visitorChannel } from '@/lib/domain/channels/widget/visitor-channel';
import { authorizeVisitorChannel } from '@/lib/domain/channels/widget/visitor-channel-auth';
import { signVisitorToken, verifyVisitorToken, VISITOR_TOKEN_TTL_MS } from '@/lib/domain/channels/widget/visitor-token';
import { identityHashFor } from '@/lib/domain/channels/identity-hash';
import {
  postWidgetMessage,
  startWidgetSession,
  updateWidgetContact,
  visitorFromToken,
  widgetIdentitySecret,
  widgetView,
  ZWidgetContactInput,
  type WidgetInbox,
} from '@/lib/domain/channels/widget/widget-session';
import { getContact } from '@/lib/domain/contacts/get-contact';
import { changeStatus } from '@/lib/domain/conversations/actions/change-status';
import { sendMessage } from '@/lib/domain/messages/send-message';
import { createChannelWorkspace, type ChannelWorkspace } from '../../helpers/channels-factories';
import { useTestDatabase } from '../../helpers/db';
import { actorFor, createUser, ctxFor } from '../../helpers/factories';

const database = useTestDatabase();

beforeEach(() => resetRateLimits());

const website = (db: Parameters<typeof createChannelWorkspace>[0], settings = {}) => createChannelWorkspace(db, { channelType: 'website', settings });
const inboxOf = (workspace: ChannelWorkspace): WidgetInbox => ({ ...workspace.inbox, name: 'Web' });
const visitorOf = (workspace: ChannelWorkspace, token: string) => visitorFromToken(inboxOf(workspace), token, new Date());
const errorCode = (run: () => unknown) =>
  Promise.resolve()
    .then(run)
    .then(
      () => null,
      (error: { code?: string }) => error.code ?? String(error),
    );

describe('website widget: the visitor token', () => {
  it('names the inbox and the visitor; a tampered, foreign or expired token is refused', async () => {
    const { db } = database();
    const workspace = await website(db);
    const now = new Date('2026-11-27T10:00:00Z');
    const token = signVisitorToken({ inboxId: workspace.inbox.id, sourceId: 'visitor-a' }, now);
    expect(verifyVisitorToken(token, now)).toMatchObject({ inboxId: workspace.inbox.id, sourceId: 'visitor-a' });

    const [payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ i: workspace.inbox.id, s: 'visitor-b', t: Math.floor(now.getTime() / 1000) })).toString('base64url');
    expect(verifyVisitorToken(`${forged}.${signature}`, now)).toBeNull();
    expect(verifyVisitorToken(`${payload}.${signature.slice(0, -2)}xx`, now)).toBeNull();
    expect(verifyVisitorToken(`${payload}`, now)).toBeNull();
    expect(verifyVisitorToken('', now)).toBeNull();
    expect(verifyVisitorToken(token, new Date(now.getTime() + VISITOR_TOKEN_TTL_MS + 1000))).toBeNull();
    expect(verifyVisitorToken(token, new Date(now.getTime() + VISITOR_TOKEN_TTL_MS - 1000))).not.toBeNull();

    expect(await errorCode(() => visitorFromToken(inboxOf(workspace), `${forged}.${signature}`, now))).toBe('UNAUTHENTICATED');
    const other = await website(db);
    expect(await errorCode(() => visitorFromToken(inboxOf(other), token, now))).toBe('UNAUTHENTICATED');
  });

  it('a returning visitor keeps their session and continues their conversation, with its history', async () => {
    const { db } = database();
    const workspace = await website(db);
    const inbox = inboxOf(workspace);
    const first = await startWidgetSession(workspace.ctx, inbox, {});
    expect(first).toMatchObject({ conversation: null, messages: [], visitor: { verified: false } });
    const visitor = visitorOf(workspace, first.token);
    expect(first.channel).toBe(visitorChannel(visitor.sourceId));
    // Nothing is stored for a visitor who only opened the widget.
    expect(await db.select().from(contactInboxes).where(eq(contactInboxes.inboxId, inbox.id))).toEqual([]);

    const posted = await postWidgetMessage(workspace.ctx, inbox, visitor, { content: 'Hola, ¿tienen envíos?', echoId: 'e1' });
    expect(posted.duplicate).toBe(false);
    // A retry of the same send (lost answer) stores nothing new.
    expect(await postWidgetMessage(workspace.ctx, inbox, visitor, { content: 'Hola, ¿tienen envíos?', echoId: 'e1' })).toMatchObject({ duplicate: true, messageId: posted.messageId });
    await sendMessage(workspace.ctx, { conversationId: (await messageRow(db, posted.messageId)).conversationId, content: 'Sí, a todo el país' });

    const back = await startWidgetSession(workspace.ctx, inbox, { token: first.token });
    expect(visitorOf(workspace, back.token).sourceId).toBe(visitor.sourceId);
    expect(back.messages.map((message) => [message.incoming, message.content, message.senderName])).toEqual([
      [true, 'Hola, ¿tienen envíos?', null],
      [false, 'Sí, a todo el país', 'Laura'],
    ]);
    await postWidgetMessage(workspace.ctx, inbox, visitor, { content: 'Gracias', echoId: 'e2' });
    const rows = await db.select().from(conversations).where(eq(conversations.inboxId, inbox.id));
    expect(rows).toHaveLength(1);

    // Resolved, then the visitor writes again: the inbox's default policy reopens it.
    await changeStatus(workspace.ctx, { conversationId: rows[0].id, status: 'resolved' });
    await postWidgetMessage(workspace.ctx, inbox, visitor, { content: 'Una cosa más', echoId: 'e3' });
    const view = await widgetView(workspace.ctx, visitor);
    expect(view.conversation).toMatchObject({ id: rows[0].displayId, status: 'open' });
    // Activity lines are not shown (B5: customer-visible messages only).
    expect(view.messages.map((message) => message.content)).toEqual(['Hola, ¿tienen envíos?', 'Sí, a todo el país', 'Gracias', 'Una cosa más']);

    // Another visitor (a new session) starts their own conversation.
    const stranger = await startWidgetSession(workspace.ctx, inbox, {});
    expect(stranger.messages).toEqual([]);
    expect(visitorOf(workspace, stranger.token).sourceId).not.toBe(visitor.sourceId);
  });

  it('leaves name and email on the contact (validated); an email another contact has is kept aside', async () => {
    const { db } = database();
    const workspace = await website(db);
    const inbox = inboxOf(workspace);
    const visitor = visitorOf(workspace, (await startWidgetSession(workspace.ctx, inbox, {})).token);
    expect(await errorCode(() => updateWidgetContact(workspace.ctx, visitor, { name: 'Ana' }))).toBe('NOT_FOUND');
    await postWidgetMessage(workspace.ctx, inbox, visitor, { content: 'Hola', echoId: 'e1' });
    expect(ZWidgetContactInput.safeParse({ email: 'no-es-correo' }).success).toBe(false);
    await updateWidgetContact(workspace.ctx, visitor, ZWidgetContactInput.parse({ name: 'Ana', email: 'Ana@Cliente.test' }));
    const [link] = await db.select().from(contactInboxes).where(eq(contactInboxes.sourceId, visitor.sourceId));
    expect(await db.select({ name: contacts.name, email: contacts.email }).from(contacts).where(eq(contacts.id, link.contactId))).toEqual([{ name: 'Ana', email: 'ana@cliente.test' }]);

    const other = visitorOf(workspace, (await startWidgetSession(workspace.ctx, inbox, {})).token);
    await postWidgetMessage(workspace.ctx, inbox, other, { content: 'Hola', echoId: 'e1' });
    await updateWidgetContact(workspace.ctx, other, { name: 'Impostor', email: 'ana@cliente.test' });
    const [otherLink] = await db.select().from(contactInboxes).where(eq(contactInboxes.sourceId, other.sourceId));
    const [otherContact] = await db.select().from(contacts).where(eq(contacts.id, otherLink.contactId));
    expect(otherContact).toMatchObject({ name: 'Impostor', email: null, customAttributes: { widget_email: 'ana@cliente.test' } });
    // Ana's conversation stays Ana's.
    expect((await widgetView(workspace.ctx, other)).messages.map((message) => message.content)).toEqual(['Hola']);
  });
});

describe('website widget: identity verification', () => {
  it('a good hash makes the visitor that verified contact on any device; a bad one is ignored, or refused when required', async () => {
    const { db } = database();
    const workspace = await website(db, { hmacSecret: 'site-secret' });
    const inbox = inboxOf(workspace);
    expect(widgetIdentitySecret(inbox)).toBe('site-secret');
    const hash = identityHashFor('site-secret', 'user-42');

    const verified = await startWidgetSession(workspace.ctx, inbox, { identifier: 'user-42', identifierHash: hash.toUpperCase() });
    expect(verified.visitor.verified).toBe(true);
    const visitor = visitorOf(workspace, verified.token);
    const [link] = await db.select().from(contactInboxes).where(eq(contactInboxes.sourceId, visitor.sourceId));
    expect(link.hmacVerified).toBe(true);
    expect((await db.select().from(contacts).where(eq(contacts.id, link.contactId)))[0].identifier).toBe('user-42');
    await postWidgetMessage(workspace.ctx, inbox, visitor, { content: 'Soy el 42', echoId: 'e1' });
    // Agents see "verificado" on the contact card.
    expect((await getContact(workspace.ctx, { contactId: link.contactId })).identityVerified).toBe(true);

    // Another device, same verified identity: the same conversation.
    const phone = await startWidgetSession(workspace.ctx, inbox, { identifier: 'user-42', identifierHash: hash });
    expect(visitorOf(workspace, phone.token).sourceId).toBe(visitor.sourceId);
    expect(phone.messages.map((message) => message.content)).toEqual(['Soy el 42']);

    // A wrong hash (not required): the identifier is ignored, the visitor is anonymous and sees nothing of user-42.
    const forged = await startWidgetSession(workspace.ctx, inbox, { identifier: 'user-42', identifierHash: identityHashFor('guess', 'user-42') });
    expect(forged).toMatchObject({ visitor: { verified: false }, messages: [] });
    const forgedVisitor = visitorOf(workspace, forged.token);
    await postWidgetMessage(workspace.ctx, inbox, forgedVisitor, { content: 'Soy el 42, créeme', echoId: 'e1' });
    const [forgedLink] = await db.select().from(contactInboxes).where(eq(contactInboxes.sourceId, forgedVisitor.sourceId));
    expect(forgedLink.contactId).not.toBe(link.contactId);
    expect((await getContact(workspace.ctx, { contactId: forgedLink.contactId })).identityVerified).toBe(false);
    expect(visitorOf(workspace, forged.token).sourceId).not.toBe(visitor.sourceId);
    // The verified session's token without the identity (the site's user signed out): a fresh visitor.
    const signedOut = await startWidgetSession(workspace.ctx, inbox, { token: verified.token });
    expect(signedOut.messages).toEqual([]);
    expect(visitorOf(workspace, signedOut.token).sourceId).not.toBe(visitor.sourceId);

    const strict = await website(db, { hmacSecret: 'site-secret', requireIdentityVerification: true });
    expect(await errorCode(() => startWidgetSession(strict.ctx, inboxOf(strict), { identifier: 'user-42', identifierHash: 'bad' }))).toBe('FORBIDDEN');
    expect(await errorCode(() => startWidgetSession(strict.ctx, inboxOf(strict), { identifier: 'user-42' }))).toBe('FORBIDDEN');
    expect((await startWidgetSession(strict.ctx, inboxOf(strict), { identifier: 'user-42', identifierHash: hash })).visitor.verified).toBe(true);
  });
});

describe('website widget: the visitor channel', () => {
  it('a visitor may subscribe to their own channel only, never another visitor’s or an inbox channel', async () => {
    const { db } = database();
    const workspace = await website(db);
    const inbox = inboxOf(workspace);
    const now = new Date();
    const a = await startWidgetSession(workspace.ctx, inbox, {});
    const b = await startWidgetSession(workspace.ctx, inbox, {});
    expect(() => authorizeVisitorChannel({ token: a.token, channel: a.channel, now })).not.toThrow();
    for (const channel of [b.channel, `private-account-${workspace.accountId}-inbox-${inbox.id}`, `private-account-${workspace.accountId}`, 'presence-conversation-1', `${a.channel}x`]) {
      expect(await errorCode(() => authorizeVisitorChannel({ token: a.token, channel, now }))).toBe('FORBIDDEN');
    }
    expect(await errorCode(() => authorizeVisitorChannel({ token: null, channel: a.channel, now }))).toBe('UNAUTHENTICATED');
    expect(await errorCode(() => authorizeVisitorChannel({ token: `${a.token}x`, channel: a.channel, now }))).toBe('UNAUTHENTICATED');
  });

  it('agents’ public replies and typing reach the visitor’s channel; private notes never do', async () => {
    const { db } = database();
    const workspace = await website(db);
    const inbox = inboxOf(workspace);
    const session = await startWidgetSession(workspace.ctx, inbox, {});
    const visitor = visitorOf(workspace, session.token);
    const posted = await postWidgetMessage(workspace.ctx, inbox, visitor, { content: 'Hola', echoId: 'e1' });
    const { conversationId } = await messageRow(db, posted.messageId);
    const onVisitorChannel = () => workspace.ctx.published.filter((event) => event.channel === session.channel);
    expect(onVisitorChannel()).toEqual([{ channel: session.channel, event: 'message.created', data: { messageId: posted.messageId } }]);
    workspace.ctx.published.length = 0;

    await sendMessage(workspace.ctx, { conversationId, content: 'Nota: cliente VIP, no le digas', private: true });
    expect(onVisitorChannel()).toEqual([]);
    const reply = await sendMessage(workspace.ctx, { conversationId, content: 'Con gusto' });
    expect(onVisitorChannel()).toEqual([{ channel: session.channel, event: 'message.created', data: { messageId: reply.id } }]);
    const view = await widgetView(workspace.ctx, visitor);
    expect(view.messages.map((message) => message.content)).toEqual(['Hola', 'Con gusto']);

    workspace.ctx.published.length = 0;
    await relayAgentTyping(workspace.ctx, { conversationId, typing: true });
    await relayAgentTyping(workspace.ctx, { conversationId, typing: true });
    await relayAgentTyping(workspace.ctx, { conversationId, typing: false });
    expect(onVisitorChannel().map((event) => [event.event, event.data])).toEqual([
      ['typing.started', { name: 'Laura' }],
      ['typing.stopped', { name: 'Laura' }],
    ]);

    // An agent who may not see the conversation cannot type into it.
    const outsider = await createUser(db, { accountId: workspace.accountId, inboxIds: [], name: 'Otro' });
    const outsiderCtx = ctxFor(db, await actorFor(db, outsider.id, workspace.accountId));
    expect(await errorCode(() => relayAgentTyping(outsiderCtx, { conversationId, typing: true }))).toBe('NOT_FOUND');
    expect(outsiderCtx.published).toEqual([]);
  });

  it('replies in other channels’ conversations publish nothing to visitor channels', async () => {
    const { db } = database();
    const api = await createChannelWorkspace(db);
    const [conversation] = await db
      .insert(conversations)
      .values({ accountId: api.accountId, inboxId: api.inbox.id, displayId: 1, contactId: (await db.insert(contacts).values({ accountId: api.accountId, name: 'C' }).returning())[0].id, status: 'open' })
      .returning();
    await sendMessage(api.ctx, { conversationId: conversation.id, content: 'Hola' });
    expect(api.ctx.published.filter((event) => event.channel.startsWith('private-visitor-'))).toEqual([]);
  });
});

const messageRow = async (db: ReturnType<typeof database>['db'], id: number) => (await db.select().from(messages).where(and(eq(messages.id, id))))[0];
