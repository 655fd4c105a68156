import { eq } from 'drizzle-orm';
import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { contacts, conversations, pushDeliveries, pushSubscriptions, users } from '@/db/schema';
import { setAgentActive } from '@/lib/domain/agents/set-agent-active';
import { assignAgent } from '@/lib/domain/conversations/actions/assign-agent';
import { sendMessage } from '@/lib/domain/messages/send-message';
import { muteConversation } from '@/lib/domain/mutes/mute-conversation';
import { deleteMemberPushSubscriptions, deletePushSubscription, deleteSessionPushSubscriptions } from '@/lib/domain/push/delete-push-subscriptions';
import { deliverDuePushes } from '@/lib/domain/push/deliver-pushes';
import { MAX_PUSH_DEVICES, savePushSubscription } from '@/lib/domain/push/save-push-subscription';
import { startSweeps } from '@/lib/domain/sweeps/start-sweeps';
import { useTestDatabase } from '../../helpers/db';
import { createInbox } from '../../helpers/factories';
import { createMessagesWorkspace } from '../../helpers/messages-factories';
import { startTestPushService, type TestPushService } from '../../helpers/push-service';

const database = useTestDatabase();
const vapid = { subject: 'mailto:push@bandeja.test', ...webpush.generateVAPIDKeys() };
let service: TestPushService;
beforeAll(async () => {
  service = await startTestPushService();
});
afterAll(() => service.close());

const mention = (user: { id: number; name: string }) => `@[${user.name}](user:${user.id})`;
const deliver = (db: Db, now?: Date) => deliverDuePushes(db, { vapid, allowPrivate: true, ...(now ? { now: () => now } : {}) });
const pushesTo = (device: string) => service.received.filter((push) => push.device === device);
const subscriptionsOf = (db: Db, userId: number) => db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));

// A workspace whose teammate Sofía opted in from one device; the conversation's contact is named.
const optedIn = async (db: Db, device: string, options: { sessionId?: string } = {}) => {
  const workspace = await createMessagesWorkspace(db);
  const sofia = await workspace.teammate({ name: 'Sofía' });
  const phone = service.device(device);
  await savePushSubscription(sofia.ctx, { ...phone.subscription, sessionId: options.sessionId ?? `session-${device}` });
  const open = await workspace.conversation();
  await db.update(contacts).set({ name: 'Ana López' }).where(eq(contacts.id, open.contactId));
  return { ...workspace, sofia, phone, open };
};

describe('push subscriptions', () => {
  it('are stored per user and device; the same device saved again (or by someone else) is one row', async () => {
    const { db } = database();
    const { ctx, me, sofia, phone } = await optedIn(db, 'store-1');
    expect(await subscriptionsOf(db, sofia.id)).toMatchObject([{ endpoint: phone.subscription.endpoint, p256dh: phone.subscription.keys.p256dh, auth: phone.subscription.keys.auth }]);
    const laptop = service.device('store-2');
    await savePushSubscription(sofia.ctx, { ...laptop.subscription, sessionId: 's2' });
    expect(await subscriptionsOf(db, sofia.id)).toHaveLength(2);

    // The phone is now signed in as me: it moves, never two rows for one endpoint.
    await savePushSubscription(ctx, { ...phone.subscription, sessionId: 's3' });
    expect((await subscriptionsOf(db, sofia.id)).map((row) => row.endpoint)).toEqual([laptop.subscription.endpoint]);
    expect((await subscriptionsOf(db, me.id)).map((row) => row.endpoint)).toEqual([phone.subscription.endpoint]);

    // Opting out removes only my own subscription.
    expect(await deletePushSubscription(ctx, { endpoint: laptop.subscription.endpoint })).toEqual({ deleted: 0 });
    expect(await deletePushSubscription(sofia.ctx, { endpoint: laptop.subscription.endpoint })).toEqual({ deleted: 1 });
    expect(await subscriptionsOf(db, sofia.id)).toEqual([]);
  });

  it(`keeps the newest ${MAX_PUSH_DEVICES} devices of an agent`, async () => {
    const { db } = database();
    const { ctx, me } = await createMessagesWorkspace(db);
    const devices = Array.from({ length: MAX_PUSH_DEVICES + 2 }, (_, index) => service.device(`many-${index}`));
    for (const [index, device] of devices.entries()) {
      await savePushSubscription({ ...ctx, now: () => new Date(Date.UTC(2026, 0, 1, 0, index)) }, { ...device.subscription, sessionId: 's' });
    }
    const kept = (await subscriptionsOf(db, me.id)).map((row) => row.endpoint).sort();
    expect(kept).toEqual(devices.slice(2).map((device) => device.subscription.endpoint).sort());
  });

  it('bad keys or endpoints are INVALID_INPUT and store nothing', async () => {
    const { db } = database();
    const { ctx, me } = await createMessagesWorkspace(db);
    const device = service.device('invalid');
    const bad = [
      { ...device.subscription, keys: { ...device.subscription.keys, p256dh: 'AAAA' } },
      { ...device.subscription, keys: { ...device.subscription.keys, auth: Buffer.alloc(15).toString('base64url') } },
      { ...device.subscription, endpoint: 'javascript:alert(1)' },
      { ...device.subscription, endpoint: 'ftp://push.example/x' },
    ];
    for (const input of bad) {
      await expect(savePushSubscription(ctx, { ...input, sessionId: 's' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    expect(await subscriptionsOf(db, me.id)).toEqual([]);
  });

  it('are removed at sign-out (their sign-in only) and when the membership ends', async () => {
    const { db } = database();
    const { sofia, accountId } = await optedIn(db, 'signout-1', { sessionId: 'sign-in-A' });
    await savePushSubscription(sofia.ctx, { ...service.device('signout-2').subscription, sessionId: 'sign-in-B' });
    expect(await deleteSessionPushSubscriptions(db, 'sign-in-A')).toBe(1);
    expect((await subscriptionsOf(db, sofia.id)).map((row) => row.sessionId)).toEqual(['sign-in-B']);

    const admin = await createMessagesWorkspace(db, { role: 'administrator' });
    // Another account's deactivation does not touch hers.
    expect(await deleteMemberPushSubscriptions(db, { accountId: admin.accountId, userId: sofia.id })).toBe(0);
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, sofia.id));
    expect(row).toBeTruthy();
    expect(await deleteMemberPushSubscriptions(db, { accountId, userId: sofia.id })).toBe(1);
  });

  it('an administrator deactivating a member removes their devices', async () => {
    const { db } = database();
    const workspace = await createMessagesWorkspace(db, { role: 'administrator' });
    const sofia = await workspace.teammate({ name: 'Sofía' });
    await savePushSubscription(sofia.ctx, { ...service.device('deactivate').subscription, sessionId: 's' });
    await setAgentActive(workspace.ctx, { userId: sofia.id, active: false });
    expect(await subscriptionsOf(db, sofia.id)).toEqual([]);
  });
});

describe('pushes', () => {
  it('a mention reaches each device once, VAPID-signed and encrypted, with number, contact and no note text', async () => {
    const { db } = database();
    const { ctx, me, sofia, phone, open } = await optedIn(db, 'mention-phone');
    await savePushSubscription(sofia.ctx, { ...service.device('mention-laptop').subscription, sessionId: 'laptop' });

    await sendMessage(ctx, { conversationId: open.id, content: `${mention(sofia)} ¿puedes revisar el reembolso?`, private: true });
    expect(await deliver(db)).toMatchObject({ attempted: 2, delivered: 2 });
    // Delivered rows are never sent again.
    expect(await deliver(db)).toMatchObject({ attempted: 0 });

    const [push] = pushesTo('mention-phone');
    expect(pushesTo('mention-phone')).toHaveLength(1);
    expect(pushesTo('mention-laptop')).toHaveLength(1);
    expect(push.vapidPublicKey).toBe(vapid.publicKey);
    expect(push.claims).toMatchObject({ aud: service.origin, sub: vapid.subject });
    expect(push.claims.exp * 1000).toBeGreaterThan(Date.now());
    expect(push.headers.topic).toBe(`c${open.id}`);
    expect(push.headers.urgency).toBe('high');
    expect(push.payload).toMatchObject({
      type: 'conversation_mention',
      conversationId: open.id,
      displayId: open.displayId,
      contactName: 'Ana López',
      title: `#${open.displayId} · Ana López`,
      body: `${me.name} te mencionó: (nota privada)`,
      tag: `bandeja-conversation-${open.id}`,
      url: `/all/${open.id}`,
      unread: 1,
    });
    expect(JSON.stringify(push.payload)).not.toContain('reembolso');
    expect(phone.subscription.endpoint).toContain('mention-phone');
  });

  it("shows a note's text when the agent allows it, in their language, with mentions as @Name", async () => {
    const { db } = database();
    const { ctx, me, sofia, open } = await optedIn(db, 'note-text');
    await db.update(users).set({ locale: 'en', preferences: { pushNoteText: true } }).where(eq(users.id, sofia.id));
    await sendMessage(ctx, { conversationId: open.id, content: `${mention(sofia)} ¿puedes revisar el reembolso?`, private: true });
    await deliver(db);
    expect(pushesTo('note-text')[0].payload.body).toBe(`${me.name} mentioned you: @Sofía ¿puedes revisar el reembolso?`);
  });

  it('assignments and messages in conversations I take part in are pushed; the excerpt is cut at 140 characters', async () => {
    const { db } = database();
    const { ctx, me, sofia, open } = await optedIn(db, 'assign');
    await assignAgent(ctx, { conversationId: open.id, assigneeId: sofia.id });
    await deliver(db);
    expect(pushesTo('assign').map((push) => push.payload.body)).toEqual([`${me.name} te asignó esta conversación`]);

    await sendMessage(ctx, { conversationId: open.id, content: 'x'.repeat(300) });
    await deliver(db);
    const last = pushesTo('assign')[1].payload;
    expect(last).toMatchObject({ type: 'participating_message', unread: 2 });
    expect(last.body).toBe(`${me.name}: ${'x'.repeat(139)}…`);
    expect(pushesTo('assign')[1].headers.urgency).toBe('normal');
  });

  it('follows the preferences and the mute: a muted conversation pushes only mentions, a type switched off nothing', async () => {
    const { db } = database();
    const { ctx, sofia, open } = await optedIn(db, 'mute');
    await sendMessage(sofia.ctx, { conversationId: open.id, content: 'Yo lo llevo' });
    await muteConversation(sofia.ctx, { conversationId: open.id });
    await sendMessage(ctx, { conversationId: open.id, content: 'Respuesta pública' });
    await sendMessage(ctx, { conversationId: open.id, content: `${mention(sofia)} urgente`, private: true });
    await deliver(db);
    expect(pushesTo('mute').map((push) => push.payload.type)).toEqual(['conversation_mention']);

    await db.update(users).set({ preferences: { notifyOn: ['assignment'] } }).where(eq(users.id, sofia.id));
    await sendMessage(ctx, { conversationId: open.id, content: `${mention(sofia)} otra vez`, private: true });
    expect(await deliver(db)).toMatchObject({ attempted: 0 });
    expect(pushesTo('mute')).toHaveLength(1);
  });

  it('404 or 410 from the push service removes the subscription; other failures are retried later', async () => {
    const { db } = database();
    const { ctx, sofia, open } = await optedIn(db, 'gone');
    await savePushSubscription(sofia.ctx, { ...service.device('flaky').subscription, sessionId: 'flaky' });
    const received = service.received.length;

    // Deliveries run in parallel; the order of the two requests is not fixed, so both answers are errors.
    service.answerWith(410, 410);
    await sendMessage(ctx, { conversationId: open.id, content: `${mention(sofia)} hola`, private: true });
    const first = await deliver(db);
    expect(first).toMatchObject({ attempted: 2, delivered: 0, removed: 2 });
    expect(await subscriptionsOf(db, sofia.id)).toEqual([]);
    expect(await db.select().from(pushDeliveries).innerJoin(pushSubscriptions, eq(pushSubscriptions.id, pushDeliveries.subscriptionId)).where(eq(pushSubscriptions.userId, sofia.id))).toEqual([]);

    await savePushSubscription(sofia.ctx, { ...service.device('flaky').subscription, sessionId: 'flaky' });
    service.answerWith(503);
    await sendMessage(ctx, { conversationId: open.id, content: `${mention(sofia)} otra`, private: true });
    const sentAt = new Date();
    expect(await deliver(db, sentAt)).toMatchObject({ attempted: 1, delivered: 0, removed: 0 });
    const [retry] = await db.select().from(pushDeliveries).innerJoin(pushSubscriptions, eq(pushSubscriptions.id, pushDeliveries.subscriptionId)).where(eq(pushSubscriptions.userId, sofia.id));
    expect(retry.push_deliveries).toMatchObject({ attempts: 1, responseStatus: 503, deliveredAt: null });
    expect(retry.push_deliveries.nextAttemptAt?.getTime()).toBe(sentAt.getTime() + 60_000);
    // Not due yet; a minute later it goes.
    expect(await deliver(db, new Date(sentAt.getTime() + 30_000))).toMatchObject({ attempted: 0 });
    expect(await deliver(db, new Date(sentAt.getTime() + 61_000))).toMatchObject({ attempted: 1, delivered: 1 });
    expect(service.received.length).toBe(received + 1);
  });

  it('a 404 alone removes the subscription too (the push service no longer knows the device)', async () => {
    const { db } = database();
    const { ctx, sofia, open } = await optedIn(db, 'unknown-device');
    const received = service.received.length;
    service.answerWith(404);
    await sendMessage(ctx, { conversationId: open.id, content: `${mention(sofia)} hola`, private: true });
    expect(await deliver(db)).toMatchObject({ attempted: 1, delivered: 0, removed: 1 });
    expect(await subscriptionsOf(db, sofia.id)).toEqual([]);
    // Its delivery went with it: nothing is retried later.
    expect(await db.select().from(pushDeliveries).innerJoin(pushSubscriptions, eq(pushSubscriptions.id, pushDeliveries.subscriptionId)).where(eq(pushSubscriptions.userId, sofia.id))).toEqual([]);
    expect(await deliver(db, new Date(Date.now() + 7 * 60 * 60_000))).toMatchObject({ attempted: 0 });
    expect(service.received.length).toBe(received);
  });

  it('is not pushed once the agent may no longer see the conversation', async () => {
    const { db } = database();
    const { ctx, sofia, open } = await optedIn(db, 'moved');
    await sendMessage(ctx, { conversationId: open.id, content: `${mention(sofia)} mira`, private: true });
    // The conversation moved to an inbox she is not in before the push went out.
    const other = await createInbox(db, { accountId: open.accountId });
    await db.update(conversations).set({ inboxId: other.id }).where(eq(conversations.id, open.id));
    expect(await deliver(db)).toMatchObject({ attempted: 1, delivered: 0 });
    expect(pushesTo('moved')).toEqual([]);
  });

  it('two delivery runs at once (two app instances) send each push once', async () => {
    const { db } = database();
    const { ctx, sofia, open } = await optedIn(db, 'concurrent');
    for (const word of ['uno', 'dos', 'tres']) await sendMessage(ctx, { conversationId: open.id, content: `${mention(sofia)} ${word}`, private: true });
    const runs = await Promise.all([deliver(db), deliver(db)]);
    expect(runs[0].attempted + runs[1].attempted).toBe(3);
    expect(pushesTo('concurrent').map((push) => push.payload.body).sort()).toEqual(['Laura te mencionó: (nota privada)', 'Laura te mencionó: (nota privada)', 'Laura te mencionó: (nota privada)']);
    expect(new Set(pushesTo('concurrent').map((push) => push.payload.notificationId)).size).toBe(3);
  });

  it('the app process sends a push right after the commit, without waiting for the next sweep pass', async () => {
    const { db } = database();
    const { ctx, sofia, open } = await optedIn(db, 'nudged');
    // An interval far longer than the test: only the nudge after the commit can send it.
    const sweeps = startSweeps({ db, realtime: { publish: async () => {}, endUserConnections: async () => {} }, storage: { put: async () => {}, get: async () => null, delete: async () => {} }, vapid, intervalMs: 3_600_000 });
    try {
      // The pass that runs at start is over before the message is sent.
      await sweeps.runOnce();
      const before = service.received.length;
      await sendMessage(ctx, { conversationId: open.id, content: `${mention(sofia)} ahora`, private: true });
      await service.waitFor(before + 1);
      expect(pushesTo('nudged')).toHaveLength(1);
    } finally {
      await sweeps.stop();
    }
  });
});
