import { Agent } from 'node:http';
import Pusher from 'pusher';
import type { RealtimePublisher } from '@/lib/domain/context';
import { getRealtimeConfig, type RealtimeConfig } from './config';

// A publish waits at most this long: a slow or absent realtime server must not hold up a request.
const PUBLISH_TIMEOUT_MS = 3_000;

// The pusher SDK pointed at the embedded server (over HTTP to the app's own port) or at the
// external cluster: the same code path either way.
export const pusherFor = (config: RealtimeConfig): Pusher => {
  const credentials = { appId: config.appId, key: config.key, secret: config.secret, timeout: PUBLISH_TIMEOUT_MS };
  if ('cluster' in config.api) return new Pusher({ ...credentials, cluster: config.api.cluster, useTLS: true });
  return new Pusher({
    ...credentials,
    host: config.api.host,
    port: String(config.api.port),
    useTLS: config.api.useTLS,
    // One kept-alive connection pool instead of a TCP handshake per event.
    ...(config.api.useTLS ? {} : { agent: new Agent({ keepAlive: true, maxSockets: 16 }) }),
  });
};

// Postgres is the truth, Pusher only the doorbell: a failed publish is logged and dropped, it never
// fails the request that changed something (clients re-read what they show when they reconnect).
// `exceptSocketId`: every event goes to every subscriber but that connection (an action's own tab).
export const createPublisher = (pusher: Pusher, exceptSocketId?: string): RealtimePublisher => ({
  publish: async (channel, event, data) => {
    try {
      await pusher.trigger(channel, event, data, exceptSocketId ? { socket_id: exceptSocketId } : undefined);
    } catch (error) {
      console.error(`realtime: publishing ${event} on ${channel} failed`, error instanceof Error ? error.message : error);
    }
  },
  endUserConnections: async (userId) => {
    try {
      await pusher.terminateUserConnections(String(userId));
    } catch (error) {
      console.error(`realtime: terminating the connections of user ${userId} failed`, error instanceof Error ? error.message : error);
    }
  },
});

const globalForRealtime = globalThis as unknown as { bandejaPusher?: Pusher; bandejaRealtime?: RealtimePublisher };

// The process's one SDK client: it publishes, and signs channel subscriptions (app/api/realtime/auth).
export const getPusher = (): Pusher => (globalForRealtime.bandejaPusher ??= pusherFor(getRealtimeConfig()));

export const getRealtimePublisher = (): RealtimePublisher => (globalForRealtime.bandejaRealtime ??= createPublisher(getPusher()));

// The same, for a change made from the tab connected as `socketId`: that tab hears none of its events.
export const getRealtimePublisherExcept = (socketId: string): RealtimePublisher => createPublisher(getPusher(), socketId);
