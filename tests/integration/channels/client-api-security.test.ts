import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as contactRealtimeAuth } from '@/app/public/api/v1/realtime/auth/route';
import { clientApiPreflight } from '@/app/public/api/v1/_lib/client-api-route';
import { viewHandler } from '@/app/api/widget/_lib/widget-handlers';
import { widgetHandler } from '@/app/api/widget/_lib/widget-route';
import { contactInboxes, contacts, conversations } from '@/db/schema';
import { apiInboxSecret } from '@/lib/domain/channels/api/api-inbox';
import { contactChannel } from '@/lib/domain/channels/api/contact-channel';
import { resetRateLimits } from '@/lib/domain/channels/api/rate-limit';
import { identityHashFor } from '@/lib/domain/channels/identity-hash';
import { postWidgetMessage, startWidgetSession, widgetView, type WidgetInbox } from '@/lib/domain/channels/widget/widget-session';
import { addLabels } from '@/lib/domain/conversations/actions/add-labels';
import { assignAgent } from '@/lib/domain/conversations/actions/assign-agent';
import { sendMessage } from '@/lib/domain/messages/send-message';
import { getRealtimeConfig } from '@/lib/realtime/config';
import { createChannelWorkspace, type ChannelWorkspace } from '../../helpers/channels-factories';
import { callClientApi as call } from '../../helpers/client-api-call';
import { useTestDatabase } from '../../helpers/db';
import { createContact } from '../../helpers/factories';
import { createLabel } from '../../helpers/list-factories';

const database = useTestDatabase();

beforeEach(() => resetRateLimits());

const conversationRow = async (workspace: ChannelWorkspace, displayId: number) => {
  const [row] = await workspace.ctx.db
    .select()
    .from(conversations)
    .where(and(eq(conversations.inboxId, workspace.inbox.id), eq(conversations.displayId, displayId)));
  return row;
};

// A customer of the account (email, phone, identifier) who talks through the API inbox on a verified
// link, with an agent's reply, a private note, an assignment and a label in their conversation.
const customerWithHistory = async (workspace: ChannelWorkspace) => {
  const { db } = workspace.ctx;
  const customer = await createContact(db, { accountId: workspace.accountId, name: 'Clara', email: 'clara@cliente.test', phone: '+525511112222' });
  await db.update(contacts).set({ identifier: 'crm-7' }).where(eq(contacts.id, customer.id));
  const hash = identityHashFor(apiInboxSecret(workspace.inbox), 'crm-7');
  const link = await call(workspace, 'createContactHandler', {}, { body: { identifier: 'crm-7', identifier_hash: hash } });
  expect(link).toMatchObject({ status: 200, body: { id: customer.id, email: 'clara@cliente.test' } });
  const sourceId = link.body.source_id as string;
  const displayId = (await call(workspace, 'createConversationHandler', { contact: sourceId }, { body: {} })).body.id as number;
  await call(workspace, 'postMessageHandler', { contact: sourceId, conversation: displayId }, { body: { content: 'Mi tarjeta termina en 4242' } });
  const conversation = await conversationRow(workspace, displayId);
  await sendMessage(workspace.ctx, { conversationId: conversation.id, content: 'Lo revisamos, Clara' });
  await sendMessage(workspace.ctx, { conversationId: conversation.id, content: 'Nota: cliente moroso', private: true });
  await assignAgent(workspace.ctx, { conversationId: conversation.id, assigneeId: workspace.agent.id });
  const label = await createLabel(db, { accountId: workspace.accountId, title: 'moroso' });
  await addLabels(workspace.ctx, { conversationId: conversation.id, labelIds: [label.id] });
  return { customer, sourceId, displayId, hash };
};

describe('client API: no contact takeover (issue 12 #1)', () => {
  it('an existing customer’s email, phone or identifier (any case, any format) gets a NEW contact that sees nothing of theirs', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db);
    const { customer, sourceId, displayId } = await customerWithHistory(workspace);

    for (const claim of [{ email: 'CLARA@Cliente.TEST' }, { phone_number: '+52 (55) 1111-2222' }, { identifier: 'crm-7' }, { identifier: 'crm-7', email: 'clara@cliente.test', name: 'Clara' }]) {
      const attacker = await call(workspace, 'createContactHandler', {}, { body: claim });
      expect(attacker.status).toBe(200);
      expect(attacker.body.id).not.toBe(customer.id);
      const stolen = attacker.body.source_id as string;
      // Answered with what it submitted: the API does not tell whether the email is known.
      if (claim.email) expect(attacker.body.email).toBe('clara@cliente.test');
      expect(attacker.body.custom_attributes).toEqual({});
      expect((await call(workspace, 'listConversationsHandler', { contact: stolen })).body).toEqual([]);
      expect((await call(workspace, 'getConversationHandler', { contact: stolen, conversation: displayId })).status).toBe(404);
      expect((await call(workspace, 'listMessagesHandler', { contact: stolen, conversation: displayId })).status).toBe(404);
      expect((await call(workspace, 'postMessageHandler', { contact: stolen, conversation: displayId }, { body: { content: 'soy Clara' } })).status).toBe(404);
      // Renaming or re-claiming from the new link touches only the new contact; no 409 to probe with.
      const patched = await call(workspace, 'updateContactHandler', { contact: stolen }, { method: 'PATCH', body: { name: 'Hacker', email: 'clara@cliente.test', phone_number: '+525511112222' } });
      expect(patched).toMatchObject({ status: 200, body: { name: 'Hacker', email: 'clara@cliente.test', phone_number: '+525511112222' } });
      const [kept] = await db.select().from(contacts).where(eq(contacts.id, attacker.body.id));
      expect(kept).toMatchObject({ name: 'Hacker', email: null, phone: null, customAttributes: { unverified_email: 'clara@cliente.test', unverified_phone_number: '+525511112222' } });
    }
    const [untouched] = await db.select().from(contacts).where(eq(contacts.id, customer.id));
    expect(untouched).toMatchObject({ name: 'Clara', email: 'clara@cliente.test', phone: '+525511112222', identifier: 'crm-7' });
    expect((await call(workspace, 'listConversationsHandler', { contact: sourceId })).body).toMatchObject([{ id: displayId }]);
  });

  it('identifier_hash: a good one joins the existing contact on a verified link (which sees only its own conversations); a wrong one is 401 and stores nothing', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db, { settings: { hmacSecret: 'integration-secret' } });
    const { customer, displayId, hash } = await customerWithHistory(workspace);
    expect(hash).toBe(identityHashFor('integration-secret', 'crm-7'));

    const before = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.accountId, workspace.accountId));
    for (const wrong of [identityHashFor('guess', 'crm-7'), identityHashFor('integration-secret', 'crm-8'), 'zz']) {
      const refused = await call(workspace, 'createContactHandler', {}, { body: { identifier: 'crm-7', identifier_hash: wrong } });
      expect(refused).toMatchObject({ status: 401, body: { error: 'UNAUTHENTICATED', description: expect.any(String), errors: [{ field: 'identifier_hash' }] } });
    }
    expect(await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.accountId, workspace.accountId))).toHaveLength(before.length);

    // Another device of the same verified person: the same contact, a new link, its own conversations.
    const second = await call(workspace, 'createContactHandler', {}, { body: { identifier: 'crm-7', identifier_hash: hash.toUpperCase(), name: 'Clara G.' } });
    expect(second).toMatchObject({ status: 200, body: { id: customer.id, name: 'Clara G.', identifier: 'crm-7' } });
    const [link] = await db.select().from(contactInboxes).where(eq(contactInboxes.sourceId, second.body.source_id));
    expect(link).toMatchObject({ contactId: customer.id, hmacVerified: true });
    expect((await call(workspace, 'listConversationsHandler', { contact: second.body.source_id })).body).toEqual([]);
    expect((await call(workspace, 'getConversationHandler', { contact: second.body.source_id, conversation: displayId })).status).toBe(404);

    // A verified identifier nobody has yet: a new contact with it.
    const fresh = await call(workspace, 'createContactHandler', {}, { body: { identifier: 'crm-99', identifier_hash: identityHashFor('integration-secret', 'crm-99') } });
    const [created] = await db.select().from(contacts).where(eq(contacts.id, fresh.body.id));
    expect(created).toMatchObject({ identifier: 'crm-99' });
  });

  it('a source_id another link already used never returns that link’s message', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db);
    const { sourceId, displayId } = await customerWithHistory(workspace);
    await call(workspace, 'postMessageHandler', { contact: sourceId, conversation: displayId }, { body: { content: 'pedido 881', source_id: 'crm-msg-1' } });
    const intruder = (await call(workspace, 'createContactHandler', {}, { body: {} })).body.source_id as string;
    const own = (await call(workspace, 'createConversationHandler', { contact: intruder }, { body: {} })).body.id;
    const replay = await call(workspace, 'postMessageHandler', { contact: intruder, conversation: own }, { body: { content: 'x', source_id: 'crm-msg-1' } });
    expect(replay).toMatchObject({ status: 409, body: { error: 'CONFLICT' } });
    expect(JSON.stringify(replay.body)).not.toContain('881');
  });
});

describe('client API and widget: customers never see internal lines (issue 12 #2)', () => {
  it('messages and conversations carry no private note, no activity line, and agents by name only', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db);
    const { sourceId, displayId } = await customerWithHistory(workspace);
    const at = { contact: sourceId, conversation: displayId };
    await call(workspace, 'toggleStatusHandler', at, { body: {} });
    await call(workspace, 'postMessageHandler', at, { body: { content: 'Otra cosa' } });

    const list = await call(workspace, 'listMessagesHandler', at);
    expect(list.body.map((message: { message_type: string; content: string }) => [message.message_type, message.content])).toEqual([
      ['incoming', 'Mi tarjeta termina en 4242'],
      ['outgoing', 'Lo revisamos, Clara'],
      ['incoming', 'Otra cosa'],
    ]);
    expect(list.body[1].sender).toEqual({ id: workspace.agent.id, name: 'Laura', available_name: 'Laura', type: 'user' });
    const conversation = await call(workspace, 'getConversationHandler', at);
    expect(conversation.body.messages.map((message: { content: string }) => message.content)).toEqual(['Mi tarjeta termina en 4242', 'Lo revisamos, Clara', 'Otra cosa']);
    const everything = JSON.stringify([list.body, conversation.body, (await call(workspace, 'listConversationsHandler', { contact: sourceId })).body]);
    for (const secret of ['moroso', 'Nota', '@example.test', 'asign', 'Laura asign', 'resuelta', 'reabrió', 'activity']) expect(everything).not.toContain(secret);
  });

  it('the widget view shows no activity line or note either', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db, { channelType: 'website' });
    const inbox = workspace.inbox as WidgetInbox;
    const session = await startWidgetSession(workspace.ctx, inbox, {});
    const visitor = { inboxId: inbox.id, sourceId: JSON.parse(Buffer.from(session.token.split('.')[0], 'base64url').toString()).s as string };
    const posted = await postWidgetMessage(workspace.ctx, inbox, visitor, { content: 'Hola', echoId: 'e1' });
    const [row] = await db.select({ conversationId: conversations.id }).from(conversations).innerJoin(contactInboxes, eq(contactInboxes.id, conversations.contactInboxId)).where(eq(contactInboxes.sourceId, visitor.sourceId));
    expect(posted.duplicate).toBe(false);
    await assignAgent(workspace.ctx, { conversationId: row.conversationId, assigneeId: workspace.agent.id });
    await addLabels(workspace.ctx, { conversationId: row.conversationId, labelIds: [(await createLabel(db, { accountId: workspace.accountId, title: 'vip' })).id] });
    await sendMessage(workspace.ctx, { conversationId: row.conversationId, content: 'interna', private: true });
    const view = await widgetView(workspace.ctx, visitor);
    expect(view.messages.map((message) => message.content)).toEqual(['Hola']);
    expect(JSON.stringify(view)).not.toContain('@example.test');
  });
});

describe('client API and widget: rate limits cannot be turned against real customers (issue 12 #3)', () => {
  it('a flood of bogus source ids from one address is cut per IP while a real contact keeps working (injected clock)', async () => {
    const { db } = database();
    const now = new Date('2026-03-02T10:00:00Z');
    const workspace = await createChannelWorkspace(db, { now: () => now });
    const real = (await call(workspace, 'createContactHandler', {}, { body: { name: 'Real' }, ip: '203.0.113.9' })).body.source_id as string;
    const statuses = { bogus: new Map<number, number>(), real: new Map<number, number>() };
    const count = (map: Map<number, number>, status: number) => map.set(status, (map.get(status) ?? 0) + 1);
    for (let index = 0; index < 300; index += 1) {
      count(statuses.bogus, (await call(workspace, 'getContactHandler', { contact: `bogus-${index}` }, { ip: '198.51.100.66' })).status);
      // A bogus inbox identifier counts as a failure too.
      if (index % 50 === 0) count(statuses.bogus, (await call(workspace, 'getContactHandler', { contact: 'x', inbox: `nope-${index}` }, { ip: '198.51.100.66' })).status);
      if (index % 20 === 0) count(statuses.real, (await call(workspace, 'getContactHandler', { contact: real }, { ip: '203.0.113.9' })).status);
    }
    expect(statuses.real).toEqual(new Map([[200, 15]]));
    expect(statuses.bogus.get(404)).toBe(30);
    expect(statuses.bogus.get(429)).toBe(276);
    // Even from the flooding address, a valid source id is served (its own bucket, not the failures').
    expect((await call(workspace, 'getContactHandler', { contact: real }, { ip: '198.51.100.66' })).status).toBe(200);
    // A minute later the address may fail again (30 a minute).
    now.setTime(now.getTime() + 60_000);
    expect((await call(workspace, 'getContactHandler', { contact: 'bogus-again' }, { ip: '198.51.100.66' })).status).toBe(404);
  });

  it('the widget: bogus visitor tokens are cut per IP; a real visitor keeps working', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db, { channelType: 'website', now: new Date('2026-03-02T10:00:00Z') });
    const { token } = await startWidgetSession(workspace.ctx, workspace.inbox as WidgetInbox, {});
    const view = async (visitorToken: string, ip: string) =>
      (
        await widgetHandler(viewHandler, { ports: async () => workspace.ctx })(
          new Request('http://localhost/api/widget/x', { headers: { 'X-Bandeja-Visitor': visitorToken, 'X-Forwarded-For': ip } }),
          { params: Promise.resolve({ inboxIdentifier: workspace.inbox.identifier }) },
        )
      ).status;
    const bogus: number[] = [];
    const real: number[] = [];
    for (let index = 0; index < 200; index += 1) {
      bogus.push(await view(`${token}${index}`, '198.51.100.66'));
      if (index % 20 === 0) real.push(await view(token, '203.0.113.9'));
    }
    expect(real.every((status) => status === 200)).toBe(true);
    expect(bogus.filter((status) => status === 401)).toHaveLength(30);
    expect(bogus.filter((status) => status === 429)).toHaveLength(170);
  });
});

describe('client API: CORS (issue 12 #6)', () => {
  it('answers the preflight with the origin, methods and headers a browser integration needs; responses carry the origin', async () => {
    const preflight = await clientApiPreflight();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST, PATCH, OPTIONS');
    expect(preflight.headers.get('access-control-allow-headers')?.split(', ')).toEqual(expect.arrayContaining(['Content-Type', 'X-Bandeja-Inbox-Secret']));

    const { db } = database();
    const workspace = await createChannelWorkspace(db);
    const created = await call(workspace, 'createContactHandler', {}, { body: { name: 'Ana' } });
    expect(created.headers.get('access-control-allow-origin')).toBe('*');
    expect((await call(workspace, 'getContactHandler', { contact: 'nope' })).headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('client API: the pubsub_token opens the contact’s own realtime channel (issue 14)', () => {
  const auth = async (channel: string, token?: string, as: 'form' | 'json' | 'header' = 'form') => {
    const fields = { socket_id: '123.456', channel_name: channel, ...(token && as !== 'header' ? { pubsub_token: token } : {}) };
    const response = await contactRealtimeAuth(
      new Request('http://localhost/public/api/v1/realtime/auth', {
        method: 'POST',
        headers: {
          'Content-Type': as === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
          'X-Forwarded-For': '203.0.113.50',
          ...(as === 'header' && token ? { 'X-Bandeja-Pubsub-Token': token } : {}),
        },
        body: as === 'json' ? JSON.stringify(fields) : new URLSearchParams(fields),
      }),
    );
    return { status: response.status, body: await response.json(), origin: response.headers.get('access-control-allow-origin') };
  };

  it('accepts its own token, refuses another contact’s channel and agents’ channels; agents’ replies arrive on it, notes never', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db);
    const ana = (await call(workspace, 'createContactHandler', {}, { body: { name: 'Ana' } })).body;
    const bea = (await call(workspace, 'createContactHandler', {}, { body: { name: 'Bea' } })).body;
    const mine = contactChannel(ana.source_id);

    for (const as of ['form', 'json', 'header'] as const) {
      expect(await auth(mine, ana.pubsub_token, as)).toMatchObject({ status: 200, origin: '*', body: { auth: expect.stringMatching(new RegExp(`^${getRealtimeConfig().key}:[0-9a-f]{64}$`)) } });
    }
    expect((await auth(contactChannel(bea.source_id), ana.pubsub_token)).status).toBe(403);
    expect((await auth(mine, bea.pubsub_token)).status).toBe(403);
    for (const channel of [`private-account-${workspace.accountId}-inbox-${workspace.inbox.id}`, `private-visitor-${ana.source_id}`, 'presence-conversation-1', `${mine}x`]) {
      expect((await auth(channel, ana.pubsub_token)).status).toBe(403);
    }
    expect((await auth(mine)).status).toBe(401);
    expect((await auth(mine, 'short')).status).toBe(403);

    const displayId = (await call(workspace, 'createConversationHandler', { contact: ana.source_id }, { body: {} })).body.id;
    const posted = await call(workspace, 'postMessageHandler', { contact: ana.source_id, conversation: displayId }, { body: { content: 'Hola' } });
    const conversation = await conversationRow(workspace, displayId);
    await sendMessage(workspace.ctx, { conversationId: conversation.id, content: 'nota interna', private: true });
    const reply = await sendMessage(workspace.ctx, { conversationId: conversation.id, content: 'Hola Ana' });
    const onChannel = workspace.ctx.published.filter((event) => event.channel.startsWith('private-contact-'));
    expect(onChannel).toEqual([
      { channel: mine, event: 'message.created', data: { id: posted.body.id, conversation_id: displayId, message_type: 'incoming' } },
      { channel: mine, event: 'message.created', data: { id: reply.id, conversation_id: displayId, message_type: 'outgoing' } },
    ]);
  });
});
