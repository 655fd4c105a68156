import Pusher from 'pusher';
import PusherClient, { type AuthorizerCallback, type Options } from 'pusher-js';
import { WebSocket } from 'ws';
import { listenRealtimeServer, type RealtimeServerOptions } from '@/lib/realtime/server';

// Helpers for driving the embedded realtime server with the real pusher-js client and the real
// pusher SDK, on a random port of this process.

export const app = { appId: 'test-app', key: 'test-key', secret: 'test-secret' };

export type PresenceUser = { user_id: string; user_info?: Record<string, unknown> };

type ChannelAuthorizer = (params: { socketId: string; channelName: string }, callback: AuthorizerCallback) => void;

// pusher-js options for the embedded server on `port`, with the test's own channel authorisation.
export const clientOptions = (port: number, customHandler: ChannelAuthorizer): Options => ({
  cluster: 'mt1',
  wsHost: '127.0.0.1',
  wsPort: port,
  forceTLS: false,
  enabledTransports: ['ws'],
  channelAuthorization: { customHandler },
});

export const startRealtimeServer = async (options: Partial<RealtimeServerOptions> = {}) => {
  const listening = await listenRealtimeServer({ ...app, ...options });
  const sdk = new Pusher({ ...app, host: '127.0.0.1', port: String(listening.port), useTLS: false });
  const clients: PusherClient[] = [];

  // A pusher-js client whose channel authorisation is signed by the SDK with `secret` (the app's
  // own unless a test forges one), as the app's auth endpoint does; `presence` is its channel_data.
  const connect = async ({ presence, secret = app.secret }: { presence?: PresenceUser; secret?: string } = {}): Promise<PusherClient> => {
    const signer = secret === app.secret ? sdk : new Pusher({ ...app, secret, host: '127.0.0.1', port: String(listening.port) });
    const client = new PusherClient(
      app.key,
      clientOptions(listening.port, ({ socketId, channelName }, callback) =>
        callback(null, signer.authorizeChannel(socketId, channelName, channelName.startsWith('presence-') ? presence : undefined)),
      ),
    );
    clients.push(client);
    await new Promise<void>((resolve, reject) => {
      client.connection.bind('connected', () => resolve());
      client.connection.bind('failed', () => reject(new Error('pusher-js could not connect')));
    });
    return client;
  };

  const subscribe = async (client: PusherClient, channelName: string) => {
    const channel = client.subscribe(channelName);
    await new Promise<void>((resolve, reject) => {
      channel.bind('pusher:subscription_succeeded', () => resolve());
      channel.bind('pusher:subscription_error', (error: unknown) => reject(new Error(`subscription_error ${JSON.stringify(error)}`)));
    });
    return channel;
  };

  // A bare WebSocket that speaks the protocol by hand: for what pusher-js hides (pings, timeouts).
  const rawSocket = async (path = `/app/${app.key}?protocol=7&client=js&version=8.6.0`) => {
    const ws = new WebSocket(`ws://127.0.0.1:${listening.port}${path}`);
    const frames: { event: string; channel?: string; data?: unknown }[] = [];
    const waiters: (() => void)[] = [];
    ws.on('message', (raw) => {
      frames.push(JSON.parse(raw.toString()) as (typeof frames)[number]);
      waiters.splice(0).forEach((wake) => wake());
    });
    const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const next = async (event: string, timeoutMs = 2_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = frames.findIndex((frame) => frame.event === event);
        if (index >= 0) return frames.splice(index, 1)[0];
        if (Date.now() > deadline) throw new Error(`no ${event} within ${timeoutMs} ms; got ${JSON.stringify(frames)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    };
    const send = (frame: unknown) => ws.send(JSON.stringify(frame));
    return { ws, frames, next, send, closed };
  };

  return {
    ...listening,
    sdk,
    connect,
    subscribe,
    rawSocket,
    stop: async () => {
      clients.forEach((client) => client.disconnect());
      await listening.close();
    },
  };
};

// Resolves with the first emission of `event` on a pusher-js channel or connection, with its data.
export const nextEvent = <T = unknown>(
  target: { bind: (event: string, callback: (data: T, metadata?: unknown) => void) => unknown; unbind: (event: string, callback: never) => unknown },
  event: string,
  timeoutMs = 2_000,
): Promise<{ data: T; metadata?: unknown }> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    const callback = (data: T, metadata?: unknown) => {
      clearTimeout(timer);
      target.unbind(event, callback as never);
      resolve({ data, metadata });
    };
    target.bind(event, callback);
  });

// Records every emission of `event` on a channel, to check later that something did NOT arrive.
export const recordEvents = (channel: { bind: (event: string, callback: (data: unknown) => void) => unknown }, event: string): unknown[] => {
  const received: unknown[] = [];
  channel.bind(event, (data: unknown) => received.push(data));
  return received;
};

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
