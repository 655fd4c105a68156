import PusherClient from 'pusher-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeClient } from '@/lib/realtime/close-client';
import { app, clientOptions, nextEvent, pause, startRealtimeServer } from './realtime-test-server';

// closeClient (the tab's client when the agent signs out) with the real pusher-js on the embedded
// server: once closed, no channel is authorised and no user signs in, whenever the socket then
// connects. In a browser `pusher:connection_established` may be handled before the disconnect
// (its frame was queued first); `disconnectWhenConnected` stands in for that order.
let server: Awaited<ReturnType<typeof startRealtimeServer>>;

beforeAll(async () => {
  server = await startRealtimeServer();
});
afterAll(async () => {
  await server.stop();
});

const tabClient = () => {
  const asked: string[] = [];
  const client = new PusherClient(app.key, {
    ...clientOptions(server.port, ({ socketId, channelName }, callback) => {
      asked.push(channelName);
      callback(null, server.sdk.authorizeChannel(socketId, channelName));
    }),
    userAuthentication: {
      customHandler: ({ socketId }, callback) => {
        asked.push('user');
        callback(null, server.sdk.authenticateUser(socketId, { id: '7' }));
      },
    },
  });
  client.signin();
  for (const name of ['private-account-1', 'private-user-7']) client.subscribe(name);
  return { client, asked };
};

const disconnectWhenConnected = (client: PusherClient) => (disconnect: () => void) => {
  client.connection.bind('connected', disconnect);
};

describe('closing a tab’s realtime client', () => {
  it('closed while connecting: being connected afterwards authorises nothing', async () => {
    const { client, asked } = tabClient();
    expect(client.connection.state).toBe('connecting');
    closeClient(client, disconnectWhenConnected(client));
    // A component subscribing after the close (its effect ran late) is refused too.
    client.subscribe('private-inbox-1-2');
    await nextEvent(client.connection, 'disconnected');
    await pause(100);
    expect(asked).toEqual([]);
  });

  it('closed once connected: the socket ends and nothing is asked again', async () => {
    const { client, asked } = tabClient();
    await nextEvent(client.connection, 'connected');
    await client.user.signinDonePromise;
    expect(asked.sort()).toEqual(['private-account-1', 'private-user-7', 'user']);
    closeClient(client);
    client.subscribe('private-inbox-1-2');
    await nextEvent(client.connection, 'disconnected');
    await pause(100);
    expect(asked).toHaveLength(3);
  });
});
