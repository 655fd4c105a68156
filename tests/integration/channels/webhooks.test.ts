import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookDeliveries } from '@/db/schema';
import { receiveCustomerMessage } from '@/lib/domain/channels/inbound/receive-customer-message';
import { bulkUpdate } from '@/lib/domain/conversations/actions/bulk-update';
import { changeStatus } from '@/lib/domain/conversations/actions/change-status';
import { sendMessage } from '@/lib/domain/messages/send-message';
import { deliverDueWebhooks } from '@/lib/domain/webhooks/deliver-webhooks';
import { createWebhook as createWebhookAsAdmin, deliveryState, listWebhookDeliveries, resendWebhookDelivery } from '@/lib/domain/webhooks/manage-webhooks';
import { verifyWebhookSignature } from '@/lib/domain/webhooks/sign';
import { RETRY_DELAYS_MS } from '@/lib/domain/webhooks/webhook-events';
import { createChannelWorkspace, createWebhook, deliveriesOf } from '../../helpers/channels-factories';
import { actorFor, createConversation, createInbox, createUser, ctxFor } from '../../helpers/factories';
import { useTestDatabase } from '../../helpers/db';

const database = useTestDatabase();

// A local receiver on 127.0.0.1 (allowed outside production mode): records requests, answers with
// the next queued status (200 when none is queued).
type Received = { path: string; headers: http.IncomingHttpHeaders; body: string };
const received: Received[] = [];
const statuses: number[] = [];
let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body });
      const status = statuses.shift() ?? 200;
      if (status >= 300 && status < 400) response.setHeader('Location', `${base}/redirected`);
      response.writeHead(status).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const receivedAt = (path: string) => received.filter((request) => request.path === path);

// Tests share one database: each delivers only its own webhook's deliveries.
const idsOf = async (db: Parameters<typeof deliveriesOf>[0], webhookId: number) => (await deliveriesOf(db, webhookId)).map((row) => row.id);

describe('outbound webhooks', () => {
  it('a customer message enqueues conversation_created and message_created in its transaction; delivery signs each body', async () => {
    const { db } = database();
    const { ctx, inbox, accountId } = await createChannelWorkspace(db);
    const webhook = await createWebhook(db, { accountId, url: `${base}/signed` });

    const message = await receiveCustomerMessage(ctx, { inbox, contact: { sourceId: 's1', name: 'Ana' }, content: 'Hola' });
    expect((await deliveriesOf(db, webhook.id)).map((row) => [row.event, deliveryState(row)])).toEqual([
      ['conversation_created', 'pending'],
      ['message_created', 'pending'],
    ]);

    const ids = await idsOf(db, webhook.id);
    expect(await deliverDueWebhooks(db, { ids })).toEqual({ attempted: 2, delivered: 2 });
    const requests = receivedAt('/signed');
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      const timestamp = Number(request.headers['x-bandeja-timestamp']);
      expect(verifyWebhookSignature(webhook.secret, timestamp, request.body, String(request.headers['x-bandeja-signature']))).toBe(true);
      expect(verifyWebhookSignature('whsec_other', timestamp, request.body, String(request.headers['x-bandeja-signature']))).toBe(false);
      expect(request.headers['content-type']).toBe('application/json');
    }
    const created = JSON.parse(requests.find((request) => request.headers['x-bandeja-event'] === 'message_created')?.body ?? '{}');
    expect(created).toMatchObject({
      event: 'message_created',
      id: message.messageId,
      content: 'Hola',
      message_type: 'incoming',
      private: false,
      sender: { type: 'contact', name: 'Ana' },
      conversation: { id: message.displayId, status: 'open', inbox_id: inbox.id },
      inbox: { id: inbox.id },
      account: { id: accountId },
    });
    expect((await deliveriesOf(db, webhook.id)).every((row) => deliveryState(row) === 'delivered' && row.responseStatus === 200 && row.attempts === 1)).toBe(true);
    // Delivered rows are not sent again.
    expect(await deliverDueWebhooks(db, { ids })).toEqual({ attempted: 0, delivered: 0 });
  });

  it("an agent's reply (message_created) and a status change (conversation_status_changed) are enqueued; inbox webhooks only hear their inbox", async () => {
    const { db } = database();
    const { ctx, inbox, accountId } = await createChannelWorkspace(db);
    const other = await createChannelWorkspace(db);
    const accountHook = await createWebhook(db, { accountId, url: `${base}/account`, events: ['message_created', 'conversation_status_changed'] });
    const inboxHook = await createWebhook(db, { accountId, inboxId: inbox.id, url: `${base}/inbox`, events: ['conversation_status_changed'] });
    const foreign = await createWebhook(db, { accountId: other.accountId, url: `${base}/foreign` });
    const message = await receiveCustomerMessage(ctx, { inbox, contact: { sourceId: 's2' }, content: 'Hola' });

    await sendMessage(ctx, { conversationId: message.conversationId, content: 'Buenos días' });
    await sendMessage(ctx, { conversationId: message.conversationId, content: 'nota', private: true });
    await changeStatus(ctx, { conversationId: message.conversationId, status: 'resolved' });

    const accountEvents = (await deliveriesOf(db, accountHook.id)).map((row) => [row.event, (row.payload as { private?: boolean; status?: string }).private ?? (row.payload as { status?: string }).status]);
    expect(accountEvents).toEqual([
      ['message_created', false],
      ['message_created', false],
      ['message_created', true],
      ['conversation_status_changed', 'resolved'],
    ]);
    expect((await deliveriesOf(db, inboxHook.id)).map((row) => row.event)).toEqual(['conversation_status_changed']);
    expect(await deliveriesOf(db, foreign.id)).toEqual([]);
  });

  it("a bulk change enqueues one delivery per conversation for each webhook that hears it: the account's for all, an inbox's for its own", async () => {
    const { db } = database();
    const { inbox, accountId } = await createChannelWorkspace(db);
    const second = await createInbox(db, { accountId, channelType: 'api' });
    const admin = await createUser(db, { accountId, role: 'administrator', inboxIds: [inbox.id, second.id] });
    const adminCtx = ctxFor(db, await actorFor(db, admin.id, accountId));
    const accountHook = await createWebhook(db, { accountId, url: `${base}/account`, events: ['conversation_status_changed'] });
    const inboxHook = await createWebhook(db, { accountId, inboxId: second.id, url: `${base}/inbox`, events: ['conversation_status_changed'] });
    const conversations = await Promise.all([
      createConversation(db, { accountId, inboxId: inbox.id }),
      createConversation(db, { accountId, inboxId: inbox.id }),
      createConversation(db, { accountId, inboxId: second.id }),
    ]);

    await bulkUpdate(adminCtx, { conversationIds: conversations.map((c) => c.id), change: { kind: 'status', status: 'resolved' } });

    const conversationOf = (row: { payload: unknown }) => (row.payload as { id: number }).id;
    const displayIds = (list: Array<{ displayId: number }>) => list.map((c) => c.displayId).sort((a, b) => a - b);
    expect((await deliveriesOf(db, accountHook.id)).map(conversationOf).sort((a, b) => a - b)).toEqual(displayIds(conversations));
    expect((await deliveriesOf(db, inboxHook.id)).map(conversationOf)).toEqual(displayIds([conversations[2]!]));
  });

  it('failures are retried with back-off (1 min, 5 min, 30 min, 2 h, 6 h) and given up after the sixth attempt; a 3xx is a failure (no redirect followed)', async () => {
    const { db } = database();
    const { ctx, inbox, accountId } = await createChannelWorkspace(db);
    const webhook = await createWebhook(db, { accountId, url: `${base}/flaky`, events: ['message_created'] });
    await receiveCustomerMessage(ctx, { inbox, contact: { sourceId: 's3' }, content: 'Hola' });
    let now = new Date(Date.now() + 1000);
    const start = now;
    statuses.push(500, 302, 503, 500, 500, 500);
    const ids = await idsOf(db, webhook.id);

    const nextAttempts: (Date | null)[] = [];
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      expect(await deliverDueWebhooks(db, { ids, now: () => now })).toMatchObject({ attempted: 1, delivered: 0 });
      const [row] = await deliveriesOf(db, webhook.id);
      expect(row.attempts).toBe(attempt);
      nextAttempts.push(row.nextAttemptAt);
      if (row.nextAttemptAt) {
        // Not due a moment before its time.
        expect(await deliverDueWebhooks(db, { ids, now: () => new Date((row.nextAttemptAt as Date).getTime() - 1000) })).toMatchObject({ attempted: 0 });
        now = row.nextAttemptAt;
      }
    }
    expect(nextAttempts.slice(0, 5).map((at, index) => (at as Date).getTime() - (index === 0 ? start : (nextAttempts[index - 1] as Date)).getTime())).toEqual([
      ...RETRY_DELAYS_MS,
    ]);
    const [row] = await deliveriesOf(db, webhook.id);
    expect(row).toMatchObject({ attempts: 6, nextAttemptAt: null, deliveredAt: null, responseStatus: 500, error: 'HTTP 500' });
    expect(deliveryState(row)).toBe('failed');
    expect(receivedAt('/flaky')).toHaveLength(6);
    expect(receivedAt('/redirected')).toHaveLength(0);
    expect(await deliverDueWebhooks(db, { ids, now: () => new Date(now.getTime() + 86_400_000) })).toMatchObject({ attempted: 0 });
  });

  it('an administrator reads the delivery log and resends a failed delivery; agents may not', async () => {
    const { db } = database();
    const { ctx, inbox, accountId } = await createChannelWorkspace(db);
    const admin = await createUser(db, { accountId, role: 'administrator' });
    const adminCtx = ctxFor(db, await actorFor(db, admin.id, accountId));
    const webhook = await createWebhook(db, { accountId, url: `${base}/resend`, events: ['message_created'] });
    await receiveCustomerMessage(ctx, { inbox, contact: { sourceId: 's4' }, content: 'Hola' });
    const [delivery] = await deliveriesOf(db, webhook.id);
    await db.update(webhookDeliveries).set({ attempts: 6, nextAttemptAt: null, error: 'HTTP 500', responseStatus: 500 }).where(eq(webhookDeliveries.id, delivery.id));

    const log = await listWebhookDeliveries(adminCtx, { webhookId: webhook.id });
    expect(log.deliveries).toMatchObject([{ id: delivery.id, state: 'failed', attempts: 6, responseStatus: 500, error: 'HTTP 500' }]);
    await expect(listWebhookDeliveries(ctx, { webhookId: webhook.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await resendWebhookDelivery(adminCtx, { deliveryId: delivery.id });
    expect(await deliverDueWebhooks(db, { ids: [delivery.id] })).toEqual({ attempted: 1, delivered: 1 });
    expect((await listWebhookDeliveries(adminCtx, { webhookId: webhook.id })).deliveries[0]).toMatchObject({ state: 'delivered', attempts: 1, responseStatus: 200 });
  });

  it('concurrent delivery runs (two app instances) send each delivery once', async () => {
    const { db } = database();
    const { ctx, inbox, accountId } = await createChannelWorkspace(db);
    const webhook = await createWebhook(db, { accountId, url: `${base}/once`, events: ['message_created'] });
    for (let index = 0; index < 6; index += 1) await receiveCustomerMessage(ctx, { inbox, contact: { sourceId: `s5-${index}` }, content: `m${index}` });

    const ids = await idsOf(db, webhook.id);
    const runs = await Promise.all([deliverDueWebhooks(db, { ids, limit: 4 }), deliverDueWebhooks(db, { ids, limit: 4 }), deliverDueWebhooks(db, { ids, limit: 4 })]);

    expect(runs.reduce((sum, run) => sum + run.attempted, 0)).toBe(6);
    expect(receivedAt('/once')).toHaveLength(6);
  });

  it('saving a webhook checks its target: private addresses are refused in production mode, allowed outside it', async () => {
    const { db } = database();
    const { accountId } = await createChannelWorkspace(db);
    const admin = await createUser(db, { accountId, role: 'administrator' });
    const adminCtx = ctxFor(db, await actorFor(db, admin.id, accountId));

    await expect(createWebhookAsAdmin(adminCtx, { url: `${base}/x`, subscriptions: ['message_created'] }, { allowPrivate: false })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'url', reason: 'private_address' },
    });
    await expect(createWebhookAsAdmin(adminCtx, { url: 'gopher://example.com', subscriptions: ['message_created'] })).rejects.toMatchObject({ details: { reason: 'scheme' } });
    const saved = await createWebhookAsAdmin(adminCtx, { url: `${base}/x`, subscriptions: ['message_created'] }, { allowPrivate: true });
    expect(saved.secret).toMatch(/^whsec_/);
  });

  it('a delivery whose target now resolves to a private address is refused at delivery time (DNS rebinding)', async () => {
    const { db } = database();
    const { ctx, inbox, accountId } = await createChannelWorkspace(db);
    const webhook = await createWebhook(db, { accountId, url: 'http://rebinding.example/hook', events: ['message_created'] });
    await receiveCustomerMessage(ctx, { inbox, contact: { sourceId: 's6' }, content: 'Hola' });

    await deliverDueWebhooks(db, { ids: await idsOf(db, webhook.id), allowPrivate: false, resolve: async () => [{ address: '127.0.0.1', family: 4 }] });

    const [row] = await deliveriesOf(db, webhook.id);
    expect(row).toMatchObject({ attempts: 1, deliveredAt: null, responseStatus: null, error: 'refused target: private_address' });
  });
});
