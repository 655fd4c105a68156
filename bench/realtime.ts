import { fork } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveRealtimeConfig } from '@/lib/realtime/config';
import { pusherFor } from '@/lib/realtime/publisher';
import { listenRealtimeServer } from '@/lib/realtime/server';
import { summarise, type Summary } from './measure/stats';
import { connectClients, now, type ClientsOptions } from './realtime-clients';

// `npm run bench:realtime [-- --clients=10,100,500 --messages=200 --rate=20 --client-processes=0]`:
// the embedded realtime server in this process, N real pusher-js clients subscribed to one private
// inbox channel, and messages published through the pusher SDK's HTTP events API (the app's own
// path) at a steady rate. Reports send → delivery at every client: from just before the SDK's
// trigger() to the client's handler. With --client-processes=0 the clients share the server's
// process, so their decoding is counted too (pessimistic: browsers decode on their own machines);
// with K > 0 they run in K child processes.

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '10,100,500' },
    messages: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    rate: { type: 'string', default: '20' },
    // 0: the clients share the server's process; K: they run in K child processes.
    'client-processes': { type: 'string', default: '0' },
    output: { type: 'string', default: path.resolve(import.meta.dirname, 'realtime-results.json') },
  },
});
const clientCounts = args.clients.split(',').map(Number);
const messageCount = Number(args.messages);
const warmup = Number(args.warmup);
const ratePerSecond = Number(args.rate);
const clientProcesses = Number(args['client-processes']);
const TARGET_P95_MS = 50;
const CHANNEL = 'private-account-1-inbox-1';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Row = { clients: number; messages: number; failedPublishes: number; deliveries: number; missing: number; latencyMs: Summary };
type ClientGroup = { measure: (on: boolean) => Promise<void>; collect: () => Promise<number[]> };

// A child process holding `options.count` clients, driven over IPC.
const childGroup = async (options: ClientsOptions): Promise<ClientGroup> => {
  const child = fork(path.resolve(import.meta.dirname, 'realtime-clients.ts'), { execArgv: ['--import', 'tsx'] });
  const reply = <T>(type: string) =>
    new Promise<T>((resolve) => {
      const listener = (message: { type: string } & T) => {
        if (message.type !== type) return;
        child.off('message', listener);
        resolve(message);
      };
      child.on('message', listener);
    });
  child.send({ type: 'connect', options });
  await reply('ready');
  return {
    measure: async (on) => {
      child.send({ type: 'measure', on });
      await reply('measuring');
    },
    collect: async () => {
      child.send({ type: 'stop' });
      return (await reply<{ latencies: number[] }>('latencies')).latencies;
    },
  };
};

const localGroup = async (options: ClientsOptions): Promise<ClientGroup> => {
  const clients = await connectClients(options);
  return {
    measure: async (on) => clients.measure(on),
    collect: async () => {
      clients.disconnect();
      return clients.latencies;
    },
  };
};

const measure = async (clientCount: number): Promise<Row> => {
  const config = resolveRealtimeConfig({ AUTH_SECRET: 'bench' });
  const server = await listenRealtimeServer({ ...config, port: 0 });
  const pusher = pusherFor({ ...config, api: { host: '127.0.0.1', port: server.port, useTLS: false } });
  const options = { port: server.port, key: config.key, secret: config.secret, channel: CHANNEL };
  const groups =
    clientProcesses === 0
      ? [await localGroup({ ...options, count: clientCount })]
      : await Promise.all(
          Array.from({ length: clientProcesses }, (_, index) =>
            childGroup({ ...options, count: Math.floor(clientCount / clientProcesses) + (index < clientCount % clientProcesses ? 1 : 0) }),
          ),
        );

  // A publish that fails (the SDK gives up after 3 s, as in the app) is counted, not retried.
  let failedPublishes = 0;
  const publish = async (count: number) => {
    const interval = 1000 / ratePerSecond;
    const started = now();
    const sends: Promise<unknown>[] = [];
    for (let index = 0; index < count; index += 1) {
      const due = started + index * interval;
      if (due > now()) await sleep(due - now());
      sends.push(
        pusher.trigger(CHANNEL, 'message.created', { conversationId: 1, messageId: index, sentAt: now() }).catch(() => {
          failedPublishes += 1;
        }),
      );
    }
    await Promise.all(sends);
    await sleep(1000);
  };

  await publish(warmup);
  await Promise.all(groups.map((group) => group.measure(true)));
  await publish(messageCount);
  await Promise.all(groups.map((group) => group.measure(false)));
  const latencies = (await Promise.all(groups.map((group) => group.collect()))).flat();
  await server.close();
  return { clients: clientCount, messages: messageCount, failedPublishes, deliveries: latencies.length, missing: messageCount * clientCount - latencies.length, latencyMs: summarise(latencies) };
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
const where = clientProcesses === 0 ? 'clients in the server’s process' : `clients in ${clientProcesses} child processes`;
console.log(`\n${messageCount} messages at ${ratePerSecond}/s to one private channel, ${where}; send → delivery at each client\n`);
console.log('clients | failed publishes | deliveries | missing |  p50 ms |  p95 ms |  p99 ms |  max ms | p95 target');
console.log('--------|------------------|------------|---------|---------|---------|---------|---------|-----------');
for (const { clients, failedPublishes, deliveries, missing, latencyMs } of rows) {
  const verdict = clients === 100 ? (latencyMs.p95 <= TARGET_P95_MS ? `<= ${TARGET_P95_MS} ok` : `> ${TARGET_P95_MS} MISSED`) : '';
  console.log(
    `${String(clients).padStart(7)} | ${String(failedPublishes).padStart(16)} | ${String(deliveries).padStart(10)} | ${String(missing).padStart(7)} | ${ms(latencyMs.p50)} | ${ms(latencyMs.p95)} | ${ms(latencyMs.p99)} | ${ms(latencyMs.max)} | ${verdict}`,
  );
}

await writeFile(
  args.output,
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, loadBefore, loadAfter },
      settings: { messages: messageCount, warmup, ratePerSecond, clientProcesses, channel: CHANNEL },
      rows,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nwritten to ${path.relative(process.cwd(), args.output)}`);
process.exit(0);
