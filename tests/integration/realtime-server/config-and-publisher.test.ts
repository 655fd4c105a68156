import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resolveRealtimeConfig } from '@/lib/realtime/config';
import { createPublisher, pusherFor } from '@/lib/realtime/publisher';
import { listenRealtimeServer } from '@/lib/realtime/server';
import { app, nextEvent, startRealtimeServer } from './realtime-test-server';

describe('resolveRealtimeConfig', () => {
  it('is embedded with nothing configured: credentials derived from AUTH_SECRET, published to the app’s own port', () => {
    const config = resolveRealtimeConfig({ AUTH_SECRET: 'secret-one', PORT: '4123' });
    expect(config).toMatchObject({
      mode: 'embedded',
      api: { host: '127.0.0.1', port: 4123, useTLS: false },
      browser: { wsHost: null, wsPort: null, forceTLS: false, cluster: 'mt1' },
    });
    // Stable across restarts, different per installation, and the public key reveals nothing of the secret.
    expect(resolveRealtimeConfig({ AUTH_SECRET: 'secret-one' }).secret).toBe(config.secret);
    expect(resolveRealtimeConfig({ AUTH_SECRET: 'secret-two' }).secret).not.toBe(config.secret);
    expect(config.secret).not.toContain(config.key);
    expect(resolveRealtimeConfig({ AUTH_SECRET: 'x', HOST: '10.0.0.5' }).api).toMatchObject({ host: '10.0.0.5', port: 3000 });
  });

  it('publishes to Pusher Channels with a cluster, and to a Pusher-compatible host (Soketi) with host and port', () => {
    const credentials = { PUSHER_APP_ID: 'app', PUSHER_KEY: 'key', PUSHER_SECRET: 'secret' };
    expect(resolveRealtimeConfig({ ...credentials, PUSHER_CLUSTER: 'eu' })).toMatchObject({
      mode: 'external',
      key: 'key',
      api: { cluster: 'eu' },
      browser: { wsHost: null, forceTLS: true, cluster: 'eu' },
    });
    expect(resolveRealtimeConfig({ ...credentials, PUSHER_HOST: 'soketi', PUSHER_PORT: '6001', PUSHER_WS_HOST: 'realtime.example.com', PUSHER_WS_PORT: '443', PUSHER_SCHEME: 'https' })).toMatchObject({
      mode: 'external',
      api: { host: 'soketi', port: 6001, useTLS: true },
      browser: { wsHost: 'realtime.example.com', wsPort: 443, forceTLS: true },
    });
    expect(resolveRealtimeConfig({ ...credentials, PUSHER_HOST: 'soketi', PUSHER_PORT: '6001' }).browser).toMatchObject({ wsHost: 'soketi', wsPort: 6001, forceTLS: false });
  });

  it('refuses a half-configured external server rather than silently running embedded', () => {
    expect(() => resolveRealtimeConfig({ PUSHER_APP_ID: 'app', PUSHER_KEY: 'key' })).toThrow(/PUSHER_SECRET/);
    expect(() => resolveRealtimeConfig({ PUSHER_APP_ID: 'app', PUSHER_KEY: 'key', PUSHER_SECRET: 's' })).toThrow(/PUSHER_CLUSTER or PUSHER_HOST/);
    expect(() => resolveRealtimeConfig({ PUSHER_APP_ID: 'a', PUSHER_KEY: 'k', PUSHER_SECRET: 's', PUSHER_HOST: 'h', PUSHER_PORT: 'six' })).toThrow(/PUSHER_PORT/);
  });
});

describe('the publisher', () => {
  let server: Awaited<ReturnType<typeof startRealtimeServer>>;
  beforeAll(async () => {
    server = await startRealtimeServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('publishes through the pusher SDK to the embedded server', async () => {
    const config = { ...resolveRealtimeConfig({ AUTH_SECRET: 'x' }), ...app, api: { host: '127.0.0.1', port: server.port, useTLS: false } };
    const publisher = createPublisher(pusherFor(config));
    const channel = await server.subscribe(await server.connect(), 'private-account-1-inbox-1');
    const received = nextEvent(channel, 'message.created');
    await publisher.publish('private-account-1-inbox-1', 'message.created', { messageId: 3 });
    expect((await received).data).toEqual({ messageId: 3 });
  });

  it('never fails when the realtime server is down: it logs and drops the event', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const closed = await listenRealtimeServer({ appId: 'a', key: 'k', secret: 's' });
    await closed.close();
    const publisher = createPublisher(pusherFor({ ...resolveRealtimeConfig({ AUTH_SECRET: 'x' }), api: { host: '127.0.0.1', port: closed.port, useTLS: false } }));

    await expect(publisher.publish('private-user-1', 'notification.created', { id: 1 })).resolves.toBeUndefined();
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('notification.created on private-user-1'), expect.anything());
    errors.mockRestore();
  });
});
