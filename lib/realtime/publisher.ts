import Pusher from 'pusher';
import type { RealtimePublisher } from '@/lib/domain/context';

// Publishes through the pusher SDK to Pusher Channels or any Pusher-compatible server
// (PUSHER_APP_ID/KEY/SECRET with PUSHER_CLUSTER, or PUSHER_HOST/PUSHER_PORT). Without that
// configuration events are dropped: the embedded Pusher-protocol server arrives with the realtime
// issue, and Postgres stays the truth either way (clients re-read on reload).
const createPublisher = (): RealtimePublisher => {
  const { PUSHER_APP_ID, PUSHER_KEY, PUSHER_SECRET, PUSHER_CLUSTER, PUSHER_HOST, PUSHER_PORT } = process.env;
  if (!PUSHER_APP_ID || !PUSHER_KEY || !PUSHER_SECRET || (!PUSHER_CLUSTER && !PUSHER_HOST)) {
    return { publish: async () => {} };
  }
  const pusher = new Pusher({
    appId: PUSHER_APP_ID,
    key: PUSHER_KEY,
    secret: PUSHER_SECRET,
    ...(PUSHER_HOST
      ? { host: PUSHER_HOST, port: PUSHER_PORT, useTLS: process.env.PUSHER_TLS === 'true' }
      : { cluster: PUSHER_CLUSTER ?? 'mt1', useTLS: true }),
  });
  return {
    publish: async (channel, event, data) => {
      await pusher.trigger(channel, event, data);
    },
  };
};

const globalForRealtime = globalThis as unknown as { bandejaRealtime?: RealtimePublisher };

export const getRealtimePublisher = (): RealtimePublisher => (globalForRealtime.bandejaRealtime ??= createPublisher());
