import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import PusherClient from 'pusher-js';
import { resolveRealtimeConfig } from '@/lib/realtime/config';
import { pusherFor } from '@/lib/realtime/publisher';
import { listenRealtimeServer } from '@/lib/realtime/server';
import { signChannel } from '@/lib/realtime/server/signature';
import { summarise, type Summary } from './measure/stats';

// `npm run bench:realtime [-- --clients=10,100,500 --messages=200 --rate=20]`: the embedded realtime
// server in this process, N real pusher-js clients subscribed to one private inbox channel, and
// messages published through the pusher SDK's HTTP events API (the app's own path) at a steady rate.
// Reports send → delivery at every client: from just before the SDK's trigger() to the client's
// handler. The clients share this process with the server, so their decoding is counted too (a
// pessimistic figure: browsers decode on their own machines).

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '10,100,500' },
    messages: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    rate: { type: 'string', default: '20' },
    output: { type: 'string', default: path.resolve(import.meta.dirname, 'realtime-results.json') },
  },
});
const clientCounts = args.clients.split(',').map(Number);
const messageCount = Number(args.messages);
const warmup = Number(args.warmup);
const ratePerSecond = Number(args.rate);
const TARGET_P95_MS = 50;
const CHANNEL = 'private-account-1-inbox-1';

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Row = { clients: number; messages: number; deliveries: number; missing: number; latencyMs: Summary };

const measure = async (clientCount: number): Promise<Row> => {
  const config = resolveRealtimeConfig({ AUTH_SECRET: 'bench' });
  const server = await listenRealtimeServer({ ...config, port: 0 });
  const pusher = pusherFor({ ...config, api: { host: '127.0.0.1', port: server.port, useTLS: false } });
  const latencies: number[] = [];
  let measuring = false;
  let deliveries = 0;

  // Connected and subscribed in groups of 50, as a morning of agents signing in would, not at once.
  const clients: PusherClient[] = [];
  for (let start = 0; start < clientCount; start += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, clientCount - start) }, async () => {
        const client = new PusherClient(config.key, {
          cluster: config.browser.cluster,
          wsHost: '127.0.0.1',
          wsPort: server.port,
          forceTLS: false,
          enabledTransports: ['ws'],
          // What the app's auth endpoint answers, signed here with the same secret.
          channelAuthorization: { customHandler: ({ socketId, channelName }, callback) => callback(null, { auth: signChannel(config, socketId, channelName) }) },
        });
        clients.push(client);
        const channel = client.subscribe(CHANNEL);
        channel.bind('message.created', (data: { sentAt: number }) => {
          if (!measuring) return;
          latencies.push(now() - data.sentAt);
          deliveries += 1;
        });
        await new Promise<void>((resolve, reject) => {
          channel.bind('pusher:subscription_succeeded', () => resolve());
          channel.bind('pusher:subscription_error', () => reject(new Error('subscription refused')));
        });
      }),
    );
  }

  const publish = async (count: number) => {
    const interval = 1000 / ratePerSecond;
    const started = now();
    const sends: Promise<unknown>[] = [];
    for (let index = 0; index < count; index += 1) {
      const due = started + index * interval;
      if (due > now()) await sleep(due - now());
      sends.push(pusher.trigger(CHANNEL, 'message.created', { conversationId: 1, messageId: index, sentAt: now() }));
    }
    await Promise.all(sends);
    await sleep(500);
  };

  await publish(warmup);
  measuring = true;
  await publish(messageCount);
  measuring = false;

  clients.forEach((client) => client.disconnect());
  await server.close();
  return { clients: clientCount, messages: messageCount, deliveries, missing: messageCount * clientCount - deliveries, latencyMs: summarise(latencies) };
};

const rows: Row[] = [];
const loadBefore = os.loadavg();
for (const clientCount of clientCounts) {
  rows.push(await measure(clientCount));
  const row = rows.at(-1)!;
  console.log(`${clientCount} clients: p95 ${row.latencyMs.p95.toFixed(1)} ms`);
}
const loadAfter = os.loadavg();

const ms = (value: number) => value.toFixed(1).padStart(7);
console.log(`\n${messageCount} messages at ${ratePerSecond}/s to one private channel; send → delivery at each client\n`);
console.log('clients | deliveries | missing |  p50 ms |  p95 ms |  p99 ms |  max ms | p95 target');
console.log('--------|------------|---------|---------|---------|---------|---------|-----------');
for (const { clients, deliveries, missing, latencyMs } of rows) {
  const verdict = clients === 100 ? (latencyMs.p95 <= TARGET_P95_MS ? `<= ${TARGET_P95_MS} ok` : `> ${TARGET_P95_MS} MISSED`) : '';
  console.log(
    `${String(clients).padStart(7)} | ${String(deliveries).padStart(10)} | ${String(missing).padStart(7)} | ${ms(latencyMs.p50)} | ${ms(latencyMs.p95)} | ${ms(latencyMs.p99)} | ${ms(latencyMs.max)} | ${verdict}`,
  );
}

await writeFile(
  args.output,
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, loadBefore, loadAfter },
      settings: { messages: messageCount, warmup, ratePerSecond, channel: CHANNEL },
      rows,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nwritten to ${path.relative(process.cwd(), args.output)}`);
process.exit(0);
