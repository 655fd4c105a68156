import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { conversations, inboxes, webhooks } from '@/db/schema';
import { resetRateLimits } from '@/lib/domain/channels/api/rate-limit';
import { createInbox } from '@/lib/domain/inboxes/create-inbox';
import { updateInbox } from '@/lib/domain/inboxes/update-inbox';
import { sendMessage } from '@/lib/domain/messages/send-message';
import { deliverDueWebhooks } from '@/lib/domain/webhooks/deliver-webhooks';
import { verifyWebhookSignature } from '@/lib/domain/webhooks/sign';
import { createChannelWorkspace, deliveriesOf, type ChannelWorkspace } from '../../helpers/channels-factories';
import { callClientApi as call } from '../../helpers/client-api-call';
import { useTestDatabase } from '../../helpers/db';
import { actorFor, createUser, ctxFor } from '../../helpers/factories';

const database = useTestDatabase();

beforeEach(() => resetRateLimits());

const conversationRow = async (workspace: ChannelWorkspace, displayId: number) => {
  const [row] = await workspace.ctx.db
    .select()
    .from(conversations)
    .where(and(eq(conversations.inboxId, workspace.inbox.id), eq(conversations.displayId, displayId)));
  return row;
};

describe('client API fidelity with Chatwoot’s client swagger (issue 14)', () => {
  it('conversations carry messages and contact; messages carry created_at, sender, content_type, content_attributes', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db);
    const contact = (await call(workspace, 'createContactHandler', {}, { body: { name: 'Ana', email: 'ana@fiel.test' } })).body;
    expect(contact).toEqual({
      id: expect.any(Number),
      source_id: expect.any(String),
      name: 'Ana',
      email: 'ana@fiel.test',
      phone_number: null,
      identifier: null,
      custom_attributes: {},
      pubsub_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const created = await call(workspace, 'createConversationHandler', { contact: contact.source_id }, { body: {} });
    expect(created.body).toMatchObject({ id: expect.any(Number), inbox_id: workspace.inbox.id, status: 'open', messages: [], contact: { id: contact.id, name: 'Ana' } });
    const displayId = created.body.id as number;
    const posted = await call(workspace, 'postMessageHandler', { contact: contact.source_id, conversation: displayId }, { body: { content: 'Hola', echo_id: 'e-1' } });
    expect(posted).toMatchObject({
      status: 200,
      body: {
        id: expect.any(Number),
        content: 'Hola',
        message_type: 'incoming',
        content_type: 'text',
        content_attributes: {},
        created_at: expect.any(String),
        conversation_id: displayId,
        sender: { id: contact.id, name: 'Ana', type: 'contact' },
        attachments: [],
        echo_id: 'e-1',
      },
    });
    const row = await conversationRow(workspace, displayId);
    await sendMessage(workspace.ctx, { conversationId: row.id, content: 'Buenas' });

    const listed = await call(workspace, 'listConversationsHandler', { contact: contact.source_id });
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0]).toMatchObject({ id: displayId, contact: { id: contact.id, email: 'ana@fiel.test' } });
    expect(listed.body[0].messages.map((message: { content: string; sender: { type: string } }) => [message.content, message.sender.type])).toEqual([
      ['Hola', 'contact'],
      ['Buenas', 'user'],
    ]);
    for (const message of listed.body[0].messages) {
      expect(Object.keys(message)).toEqual(expect.arrayContaining(['id', 'content', 'message_type', 'content_type', 'content_attributes', 'created_at', 'conversation_id', 'attachments', 'sender']));
      expect(new Date(message.created_at).toISOString()).toBe(message.created_at);
    }
    expect((await call(workspace, 'getConversationHandler', { contact: contact.source_id, conversation: displayId })).body.messages).toHaveLength(2);
    expect((await call(workspace, 'toggleStatusHandler', { contact: contact.source_id, conversation: displayId }, { body: {} })).body).toMatchObject({ status: 'resolved', messages: expect.any(Array), contact: { id: contact.id } });
  });

  it('PATCH messages/{id} stores submitted_values on a message of the conversation; others are 404', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db);
    const source = (await call(workspace, 'createContactHandler', {}, { body: { name: 'Ana' } })).body.source_id as string;
    const other = (await call(workspace, 'createContactHandler', {}, { body: { name: 'Bea' } })).body.source_id as string;
    const displayId = (await call(workspace, 'createConversationHandler', { contact: source }, { body: {} })).body.id as number;
    await call(workspace, 'postMessageHandler', { contact: source, conversation: displayId }, { body: { content: 'Hola' } });
    const row = await conversationRow(workspace, displayId);
    const question = await sendMessage(workspace.ctx, { conversationId: row.id, content: '¿Cómo calificarías la atención?' });
    const note = await sendMessage(workspace.ctx, { conversationId: row.id, content: 'interna', private: true });
    workspace.ctx.published.length = 0;

    const answer = { submitted_values: { csat_survey_response: { rating: 5, feedback_message: '¡Genial!' } }, extra: 'ignored' };
    const patched = await call(workspace, 'updateMessageHandler', { contact: source, conversation: displayId, message: question.id }, { method: 'PATCH', body: answer });
    expect(patched).toMatchObject({ status: 200, body: { id: question.id, content_attributes: { submitted_values: answer.submitted_values } } });
    expect(workspace.ctx.published).toContainEqual({ channel: `private-account-${workspace.accountId}-inbox-${workspace.inbox.id}`, event: 'message.updated', data: { conversationId: row.id, messageId: question.id } });
    expect((await call(workspace, 'listMessagesHandler', { contact: source, conversation: displayId })).body[1].content_attributes).toEqual({ submitted_values: answer.submitted_values });

    const at = { contact: source, conversation: displayId };
    expect((await call(workspace, 'updateMessageHandler', { ...at, message: note.id }, { method: 'PATCH', body: answer })).status).toBe(404);
    expect((await call(workspace, 'updateMessageHandler', { ...at, message: 'abc' }, { method: 'PATCH', body: answer })).status).toBe(404);
    expect((await call(workspace, 'updateMessageHandler', { contact: other, conversation: displayId, message: question.id }, { method: 'PATCH', body: answer })).status).toBe(404);
    expect((await call(workspace, 'updateMessageHandler', { ...at, message: question.id }, { method: 'PATCH', body: { submitted_values: 'x' } })).status).toBe(422);
  });

  it('a message to a resolved conversation under the `new` policy answers with the conversation it went to, and later ones follow it', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db, { settings: { resolvedConversationPolicy: 'new' } });
    const source = (await call(workspace, 'createContactHandler', {}, { body: { name: 'Ana' } })).body.source_id as string;
    const first = (await call(workspace, 'createConversationHandler', { contact: source }, { body: {} })).body.id as number;
    await call(workspace, 'postMessageHandler', { contact: source, conversation: first }, { body: { content: 'Hola' } });
    await call(workspace, 'toggleStatusHandler', { contact: source, conversation: first }, { body: {} });

    const moved = await call(workspace, 'postMessageHandler', { contact: source, conversation: first }, { body: { content: 'Otra pregunta' } });
    expect(moved.status).toBe(200);
    expect(moved.body.conversation_id).not.toBe(first);
    // A client that kept the old number writes on in the new conversation, not in a third one.
    const again = await call(workspace, 'postMessageHandler', { contact: source, conversation: first }, { body: { content: 'Y otra' } });
    expect(again.body.conversation_id).toBe(moved.body.conversation_id);
    const listed = await call(workspace, 'listConversationsHandler', { contact: source });
    expect(listed.body.map((conversation: { id: number; status: string }) => [conversation.id, conversation.status])).toEqual([
      [moved.body.conversation_id, 'open'],
      [first, 'resolved'],
    ]);
  });
});

describe('API inbox webhook_url (issue 14)', () => {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  let server: http.Server;
  let base = '';
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('delivers the inbox’s events to its webhook_url, signed, through the webhooks outbox; changing or clearing it follows', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db);
    const adminUser = await createUser(db, { accountId: workspace.accountId, role: 'administrator' });
    const admin = ctxFor(db, await actorFor(db, adminUser.id, workspace.accountId));
    const inbox = await createInbox(admin, { name: 'ERP', channelType: 'api', settings: { webhookUrl: `${base}/first` } });
    const [webhook] = await db.select().from(webhooks).where(eq(webhooks.inboxId, inbox.id));
    expect(webhook).toMatchObject({ url: `${base}/first`, accountId: workspace.accountId, subscriptions: expect.arrayContaining(['message_created', 'conversation_created']) });
    expect(inbox.channelSettings).toMatchObject({ webhookUrl: `${base}/first`, webhookId: webhook.id });

    const apiWorkspace = { ...workspace, inbox: { id: inbox.id, accountId: inbox.accountId, identifier: inbox.identifier, channelSettings: inbox.channelSettings } };
    const source = (await call(apiWorkspace, 'createContactHandler', {}, { body: { name: 'Ana' } })).body.source_id as string;
    const displayId = (await call(apiWorkspace, 'createConversationHandler', { contact: source }, { body: {} })).body.id as number;
    await call(apiWorkspace, 'postMessageHandler', { contact: source, conversation: displayId }, { body: { content: 'Pedido 42' } });
    // Another inbox's events never go to it.
    const otherSource = (await call(workspace, 'createContactHandler', {}, { body: { name: 'Bea' } })).body.source_id as string;
    await call(workspace, 'createConversationHandler', { contact: otherSource }, { body: {} });

    const deliveries = await deliveriesOf(db, webhook.id);
    expect(deliveries.map((delivery) => delivery.event)).toEqual(['conversation_created', 'message_created']);
    expect(await deliverDueWebhooks(db, { ids: deliveries.map((delivery) => delivery.id) })).toEqual({ attempted: 2, delivered: 2 });
    expect(received).toHaveLength(2);
    for (const request of received) {
      expect(verifyWebhookSignature(webhook.secret, Number(request.headers['x-bandeja-timestamp']), request.body, String(request.headers['x-bandeja-signature']))).toBe(true);
    }
    expect(JSON.parse(received[1].body)).toMatchObject({ event: 'message_created', content: 'Pedido 42' });

    // A new URL moves the same webhook; a private scheme is refused; clearing it removes the webhook.
    const moved = await updateInbox(admin, { inboxId: inbox.id, name: 'ERP', settings: { webhookUrl: `${base}/second` } });
    expect(moved.channelSettings.webhookId).toBe(webhook.id);
    expect((await db.select().from(webhooks).where(eq(webhooks.inboxId, inbox.id))).map((row) => row.url)).toEqual([`${base}/second`]);
    await expect(updateInbox(admin, { inboxId: inbox.id, name: 'ERP', settings: { webhookUrl: 'ftp://example.test/x' } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const cleared = await updateInbox(admin, { inboxId: inbox.id, name: 'ERP', settings: {} });
    expect(cleared.channelSettings.webhookId).toBeUndefined();
    expect(await db.select().from(webhooks).where(eq(webhooks.inboxId, inbox.id))).toEqual([]);
    const [stored] = await db.select({ channelSettings: inboxes.channelSettings }).from(inboxes).where(eq(inboxes.id, inbox.id));
    expect(stored.channelSettings.webhookUrl).toBeUndefined();
  });
});
