import { performance } from 'node:perf_hooks';
import PusherClient from 'pusher-js';
import { signChannel } from '@/lib/realtime/server/signature';

// N pusher-js clients subscribed to one private channel, recording send → delivery of every
// `message.created` while measuring. Used in the benchmark's process, or in child processes of it
// (run as a script: `node --import tsx bench/realtime-clients.ts`, driven over IPC).

export type ClientsOptions = { port: number; key: string; secret: string; channel: string; count: number };

// One clock for every process: milliseconds since the epoch, with sub-millisecond resolution.
export const now = () => performance.timeOrigin + performance.now();

export const connectClients = async ({ port, key, secret, channel: channelName, count }: ClientsOptions) => {
  const latencies: number[] = [];
  let measuring = false;
  const clients: PusherClient[] = [];
  // Connected and subscribed in groups of 50, as a morning of agents signing in would, not at once.
  for (let start = 0; start < count; start += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - start) }, async () => {
        const client = new PusherClient(key, {
          cluster: 'mt1',
          wsHost: '127.0.0.1',
          wsPort: port,
          forceTLS: false,
          enabledTransports: ['ws'],
          // What the app's auth endpoint answers, signed here with the same secret.
          channelAuthorization: { customHandler: ({ socketId, channelName: name }, callback) => callback(null, { auth: signChannel({ key, secret }, socketId, name) }) },
        });
        clients.push(client);
        const channel = client.subscribe(channelName);
        channel.bind('message.created', (data: { sentAt: number }) => {
          if (measuring) latencies.push(now() - data.sentAt);
        });
        await new Promise<void>((resolve, reject) => {
          channel.bind('pusher:subscription_succeeded', () => resolve());
          channel.bind('pusher:subscription_error', () => reject(new Error('subscription refused')));
        });
      }),
    );
  }
  return {
    measure: (on: boolean) => {
      measuring = on;
    },
    latencies,
    disconnect: () => clients.forEach((client) => client.disconnect()),
  };
};

type Command = { type: 'connect'; options: ClientsOptions } | { type: 'measure'; on: boolean } | { type: 'stop' };

// As a child process: connect on request, then measure on/off, then send the latencies and exit.
if (process.send && process.argv[1]?.endsWith('realtime-clients.ts')) {
  let clients: Awaited<ReturnType<typeof connectClients>> | undefined;
  // The benchmark went away (finished or crashed): so do its clients.
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (command: Command) => {
    if (command.type === 'connect') {
      clients = await connectClients(command.options);
      process.send!({ type: 'ready' });
    } else if (command.type === 'measure') {
      clients?.measure(command.on);
      process.send!({ type: 'measuring', on: command.on });
    } else {
      clients?.disconnect();
      process.send!({ type: 'latencies', latencies: clients?.latencies ?? [] }, () => process.exit(0));
    }
  });
}
