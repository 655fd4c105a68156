import { createServer, type Server } from 'node:http';
import Pusher from 'pusher';
import PusherClient from 'pusher-js';
import { WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { createRealtimeRelay } from '@/lib/realtime/server/relay';
import { app, clientOptions, nextEvent, startRealtimeServer } from './realtime-test-server';

// A worker's side of WEB_CONCURRENCY (lib/http/workers.ts): an HTTP server standing in for a worker's
// port hands realtime's requests to the primary's realtime server, which trusts the relay's
// X-Forwarded-For for its per-address limit.
const listenRelay = async (realtimePort: number) => {
  const relay = createRealtimeRelay(realtimePort);
  const server: Server = createServer((request, response) => {
    if (!relay.handleRequest(request, response)) response.writeHead(404).end('not realtime');
  });
  server.on('upgrade', (request, socket, head) => {
    if (!relay.handleUpgrade(request, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0 };
};

const stops: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

describe('the workers’ realtime relay', () => {
  it('carries pusher-js’s socket and the SDK’s events to the realtime server, and nothing else', async () => {
    const realtime = await startRealtimeServer({ behindRelay: true });
    stops.push(realtime.stop);
    const { server, port } = await listenRelay(realtime.port);
    stops.push(() => {
      server.closeAllConnections();
      server.close();
    });

    const client = new PusherClient(app.key, clientOptions(port, ({ socketId, channelName }, callback) => callback(null, realtime.sdk.authorizeChannel(socketId, channelName))));
    stops.push(() => client.disconnect());
    await nextEvent(client.connection, 'connected', 5_000);
    const channel = client.subscribe('private-account-1');
    await nextEvent(channel, 'pusher:subscription_succeeded', 5_000);

    // The SDK publishes to the relay's port, as a worker's requests would reach it on the app's.
    const viaRelay = new Pusher({ ...app, host: '127.0.0.1', port: String(port), useTLS: false });
    const received = nextEvent<{ id: number }>(channel, 'conversation.updated', 5_000);
    await viaRelay.trigger('private-account-1', 'conversation.updated', { id: 7 });
    expect((await received).data).toEqual({ id: 7 });

    // A forged signature is refused by the realtime server, through the relay.
    const forged = new Pusher({ ...app, secret: 'not-the-secret', host: '127.0.0.1', port: String(port), useTLS: false });
    await expect(forged.trigger('private-account-1', 'conversation.updated', { id: 8 })).rejects.toMatchObject({ status: 401 });
    // What is not realtime's is left to the worker (Next.js).
    expect((await fetch(`http://127.0.0.1:${port}/all`)).status).toBe(404);
  });

  it('counts relayed sockets by the client address the relay forwards, not as the relay’s own', async () => {
    const realtime = await startRealtimeServer({ behindRelay: true, maxConnectionsPerIp: 1 });
    stops.push(realtime.stop);
    const { server, port } = await listenRelay(realtime.port);
    stops.push(() => {
      server.closeAllConnections();
      server.close();
    });
    const open = (forwardedFor: string) =>
      new Promise<number>((resolve) => {
        // The relay replaces whatever X-Forwarded-For the client sent with the address it saw.
        const socket = new WebSocket(`ws://127.0.0.1:${port}/app/${app.key}?protocol=7`, { headers: { 'x-forwarded-for': forwardedFor } });
        socket.on('message', (raw) => {
          const frame = JSON.parse(raw.toString()) as { event: string };
          if (frame.event === 'pusher:connection_established') resolve(0);
        });
        socket.on('close', (code) => resolve(code));
        stops.push(() => socket.terminate());
      });
    expect(await open('203.0.113.1')).toBe(0);
    // Another claimed address is the same client (127.0.0.1) to the relay: over capacity.
    expect(await open('203.0.113.2')).toBe(4100);
  });
});
