import PusherClient from 'pusher-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRealtimeConfig } from '@/lib/realtime/config';
import { app, startRealtimeServer } from './realtime-test-server';

// At most N open WebSockets per client address on the embedded server (REALTIME_MAX_CONNECTIONS_PER_IP).
let server: Awaited<ReturnType<typeof startRealtimeServer>>;

beforeAll(async () => {
  server = await startRealtimeServer({ maxConnectionsPerIp: 3 });
});
afterAll(async () => {
  await server.stop();
});

describe('connections per address', () => {
  it('REALTIME_MAX_CONNECTIONS_PER_IP sets the limit (100 when unset); a bad value stops the app at start', () => {
    expect(resolveRealtimeConfig({ AUTH_SECRET: 'x' }).maxConnectionsPerIp).toBe(100);
    expect(resolveRealtimeConfig({ AUTH_SECRET: 'x', REALTIME_MAX_CONNECTIONS_PER_IP: '7' }).maxConnectionsPerIp).toBe(7);
    expect(() => resolveRealtimeConfig({ AUTH_SECRET: 'x', REALTIME_MAX_CONNECTIONS_PER_IP: 'lots' })).toThrow(/REALTIME_MAX_CONNECTIONS_PER_IP/);
  });

  it('closes the connection past the limit with 4100 "over capacity"; a slot freed is usable again', async () => {
    const open = [await server.rawSocket(), await server.rawSocket(), await server.rawSocket()];
    for (const socket of open) await socket.next('pusher:connection_established');

    const fourth = await server.rawSocket();
    expect(await fourth.next('pusher:error')).toMatchObject({ data: { code: 4100 } });
    expect((await fourth.closed).code).toBe(4100);
    expect(fourth.frames.some((frame) => frame.event === 'pusher:connection_established')).toBe(false);

    // Real pusher-js is refused too (and retries after a back-off), until a socket closes.
    const client = new PusherClient(app.key, { cluster: 'mt1', wsHost: '127.0.0.1', wsPort: server.port, forceTLS: false, enabledTransports: ['ws'] });
    try {
      const refused = await new Promise<unknown>((resolve) => client.connection.bind('error', resolve));
      expect(refused).toMatchObject({ error: { data: { code: 4100 } } });
      open[0].ws.close();
      await open[0].closed;
      await new Promise<void>((resolve) => client.connection.bind('connected', () => resolve()));
      expect(client.connection.state).toBe('connected');
    } finally {
      client.disconnect();
      for (const socket of open.slice(1)) socket.ws.close();
    }
  });
});
