import PusherClient from 'pusher-js';
import type { Actor } from '@/lib/domain/context';
import { pageRefreshes, type HeardEvent } from './refresh-simulation';

// The agents' open tabs: one pusher-js connection each to the app's embedded server, subscribed to
// what the dashboard subscribes to (their inboxes and themselves), authorised by the
// app's own /api/realtime/auth with their session cookie. Counts the events they hear, and keeps
// them (time, channel, name, conversation) to replay through the dashboard's refresh rules.

export type RealtimeAgent = { actor: Actor; cookie: string };

export const connectRealtimeAgents = async (baseUrl: string, key: string, agents: RealtimeAgent[]) => {
  const url = new URL(baseUrl);
  let events = 0;
  let authFailures = 0;
  const heard: HeardEvent[][] = agents.map(() => []);
  // What each tab does with an event besides keeping it (live-tabs.ts), once set.
  const listeners: Array<((channel: string, event: string, data: Record<string, unknown>) => void) | undefined> = [];
  const clients = await Promise.all(
    agents.map(async ({ actor, cookie }, index) => {
      const client = new PusherClient(key, {
        cluster: 'mt1',
        wsHost: url.hostname,
        wsPort: Number(url.port),
        forceTLS: false,
        enabledTransports: ['ws'],
        channelAuthorization: {
          endpoint: '/api/realtime/auth',
          transport: 'ajax',
          customHandler: ({ socketId, channelName }, callback) => {
            fetch(`${baseUrl}/api/realtime/auth`, {
              method: 'POST',
              headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
              body: new URLSearchParams({ socket_id: socketId, channel_name: channelName }),
            })
              .then(async (response) => {
                if (!response.ok) throw new Error(`auth ${response.status}`);
                callback(null, (await response.json()) as { auth: string });
              })
              .catch((error: Error) => {
                authFailures += 1;
                callback(error, null);
              });
          },
        },
      });
      const names = [`private-user-${actor.userId}`, ...actor.inboxIds.map((id) => `private-account-${actor.accountId}-inbox-${id}`)];
      await Promise.all(
        names.map(
          (name) =>
            new Promise<void>((resolve) => {
              const channel = client.subscribe(name);
              channel.bind_global((event: string, data: Record<string, unknown> | undefined) => {
                if (event.startsWith('pusher:')) return;
                events += 1;
                heard[index]!.push({ at: performance.now(), channel: name, event, conversationId: data?.conversationId });
                listeners[index]?.(name, event, data ?? {});
              });
              channel.bind('pusher:subscription_succeeded', () => resolve());
              channel.bind('pusher:subscription_error', () => resolve());
            }),
        ),
      );
      return client;
    }),
  );
  return {
    stats: () => ({ connections: clients.length, eventsReceived: events, authFailures }),
    // Each tab's connection, in the order of `agents`.
    socketIds: () => clients.map((client) => client.connection.socket_id),
    // The page re-renders the tabs would have asked for since `since` (performance.now()), in total,
    // each showing a list (no conversation open).
    pageRefreshesSince: (since: number) =>
      heard
        .map((events) => pageRefreshes(events.filter(({ at }) => at >= since), null))
        .reduce((sum, tab) => ({ everyEventSoon: sum.everyEventSoon + tab.everyEventSoon, countsCanWait: sum.countsCanWait + tab.countsCanWait }), { everyEventSoon: 0, countsCanWait: 0 }),
    // From now on, tab `index` also hands every event it hears to `listener`.
    listen: (index: number, listener: (channel: string, event: string, data: Record<string, unknown>) => void) => void (listeners[index] = listener),
    disconnect: () => clients.forEach((client) => client.disconnect()),
  };
};
