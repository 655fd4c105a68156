import Pusher from 'pusher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hmacHex, md5Hex } from '@/lib/realtime/server/signature';
import { app, nextEvent, pause, recordEvents, startRealtimeServer } from './realtime-test-server';

// The HTTP events API as the pusher SDK calls it, and the requests it must refuse.
let server: Awaited<ReturnType<typeof startRealtimeServer>>;

beforeAll(async () => {
  server = await startRealtimeServer();
});
afterAll(async () => {
  await server.stop();
});

// A request signed by hand (auth_version 1.0), so a test can get one thing wrong at a time.
const signedPost = async (path: string, body: string, { timestamp = Math.floor(Date.now() / 1000), secret = app.secret, bodyMd5 = md5Hex(body) } = {}) => {
  const query = `auth_key=${app.key}&auth_timestamp=${timestamp}&auth_version=1.0&body_md5=${bodyMd5}`;
  const signature = hmacHex(secret, `POST\n${path}\n${query}`);
  return fetch(`http://127.0.0.1:${server.port}${path}?${query}&auth_signature=${signature}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  });
};

const event = (data: unknown = { messageId: 1 }) => JSON.stringify({ name: 'message.created', channels: ['private-user-1'], data: JSON.stringify(data) });

describe('HTTP events API', () => {
  it('accepts a correctly signed trigger and answers {}', async () => {
    const response = await signedPost(`/apps/${app.appId}/events`, event());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
  });

  it('refuses a request signed with the wrong secret with 401, and delivers nothing', async () => {
    const client = await server.connect();
    const events = recordEvents(await server.subscribe(client, 'private-user-1'), 'message.created');
    const impostor = new Pusher({ ...app, secret: 'not-the-secret', host: '127.0.0.1', port: String(server.port), useTLS: false });

    await expect(impostor.trigger('private-user-1', 'message.created', { messageId: 1 })).rejects.toMatchObject({ status: 401 });
    expect((await signedPost(`/apps/${app.appId}/events`, event(), { secret: 'not-the-secret' })).status).toBe(401);
    await pause(100);
    expect(events).toEqual([]);
  });

  it('refuses a stale timestamp and a body that does not match its MD5', async () => {
    const stale = await signedPost(`/apps/${app.appId}/events`, event(), { timestamp: Math.floor(Date.now() / 1000) - 601 });
    expect(stale.status).toBe(401);
    expect(await stale.text()).toMatch(/Timestamp expired/);
    expect((await signedPost(`/apps/${app.appId}/events`, event(), { bodyMd5: md5Hex('something else') })).status).toBe(401);
  });

  it('refuses an unsigned request, an unknown app and malformed events', async () => {
    const unsigned = await fetch(`http://127.0.0.1:${server.port}/apps/${app.appId}/events`, { method: 'POST', body: event() });
    expect(unsigned.status).toBe(401);
    expect((await signedPost('/apps/another-app/events', event())).status).toBe(404);
    expect((await signedPost(`/apps/${app.appId}/events`, 'not json')).status).toBe(400);
    expect((await signedPost(`/apps/${app.appId}/events`, JSON.stringify({ name: 'x', channels: ['bad channel!'], data: '{}' }))).status).toBe(400);
    expect((await signedPost(`/apps/${app.appId}/events`, event({ text: 'x'.repeat(10 * 1024) }))).status).toBe(413);
    const batch = JSON.stringify({ batch: Array.from({ length: 11 }, () => ({ channel: 'private-user-1', name: 'x', data: '{}' })) });
    expect((await signedPost(`/apps/${app.appId}/batch_events`, batch)).status).toBe(400);
  });

  it('delivers nothing of a batch when one of its events is malformed', async () => {
    const client = await server.connect();
    const channel = await server.subscribe(client, 'private-user-2');
    const events = recordEvents(channel, 'message.created');
    const batch = JSON.stringify({
      batch: [
        { channel: 'private-user-2', name: 'message.created', data: '{}' },
        { channel: 'bad channel!', name: 'message.created', data: '{}' },
      ],
    });
    expect((await signedPost(`/apps/${app.appId}/batch_events`, batch)).status).toBe(400);
    await pause(100);
    expect(events).toEqual([]);

    const received = nextEvent(channel, 'message.created');
    await server.sdk.triggerBatch([{ channel: 'private-user-2', name: 'message.created', data: { ok: true } }]);
    expect((await received).data).toEqual({ ok: true });
  });
});
