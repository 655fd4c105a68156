import cluster, { type Worker } from 'node:cluster';
import { listenRealtimeServer, type RealtimeServerOptions } from '@/lib/realtime/server';

// Several app processes on one port (WEB_CONCURRENCY, as Puma and Gunicorn call it): Node.js runs a
// page's rendering on one thread, so one process uses one CPU however many the machine has. The
// primary process forks the workers, which share the port (Node's cluster hands each new connection
// to the next worker), and runs what must exist once: the embedded realtime server, on a loopback
// port the workers relay browsers' sockets and the SDK's events to (lib/realtime/server/relay.ts).
// Each worker is the whole app otherwise, sweeps included (they are safe with several instances);
// the database, PostgreSQL, is shared.

const MAX_WORKERS = 64;

// 1 (one process, the default) unless WEB_CONCURRENCY asks for more; more needs PostgreSQL, since the
// embedded database (PGlite) lives inside one process.
export const workerCount = (env: Record<string, string | undefined> = process.env): number => {
  const raw = env.WEB_CONCURRENCY?.trim();
  if (!raw) return 1;
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > MAX_WORKERS) throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to ${MAX_WORKERS}, not "${raw}"`);
  if (count > 1 && !env.DATABASE_URL) throw new Error('WEB_CONCURRENCY above 1 needs DATABASE_URL: the embedded database (PGlite) can be opened by one process only');
  return count;
};

const RESTART_DELAY_MS = 1_000;
const STOP_TIMEOUT_MS = 10_000;

// Forks `count` workers running `serverFile` and keeps them running (a worker that dies is replaced).
// Returns once every worker listens.
export const runPrimary = async ({ count, serverFile, realtime }: { count: number; serverFile: string; realtime: RealtimeServerOptions | null }): Promise<void> => {
  const relay = realtime ? await listenRealtimeServer({ ...realtime, behindRelay: true, host: '127.0.0.1', port: 0 }) : null;
  cluster.setupPrimary({ exec: serverFile });
  let stopping = false;

  // A worker of the first start that dies before it ever listened stops the app (a bad setting, a
  // database that does not answer); a replacement that does is tried again after the delay. Checked
  // after a moment, so that a stop of the whole group (SIGTERM to every process, which may reach a
  // worker first) is not taken for a failure.
  const fork = (index: number, initial: boolean): Promise<void> =>
    new Promise((resolve) => {
      const worker: Worker = cluster.fork({ BANDEJA_WORKER_INDEX: String(index), ...(relay ? { BANDEJA_REALTIME_RELAY_PORT: String(relay.port) } : {}) });
      let served = false;
      worker.once('listening', () => {
        served = true;
        resolve();
      });
      worker.once('exit', (code, signal) => {
        setTimeout(() => {
          if (stopping) return;
          const how = signal ?? `exit code ${code}`;
          if (!served && initial) {
            console.error(`bandeja: worker ${index} stopped before serving (${how}); stopping`);
            void stop(1);
            return;
          }
          console.error(`bandeja: worker ${index} stopped (${how}); starting another`);
          void fork(index, false);
        }, RESTART_DELAY_MS);
      });
    });

  const stop = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    // Realtime sockets are closed with 4200, so pusher-js reconnects at once to the next process.
    await relay?.close();
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
    await Promise.race([
      Promise.all(workers.map((worker) => new Promise((resolve) => (worker.isDead() ? resolve(null) : (worker.once('exit', resolve), worker.process.kill('SIGTERM')))))),
      new Promise((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS)),
    ]);
    // A worker stuck past the timeout does not outlive the app.
    for (const worker of workers) if (!worker.isDead()) worker.process.kill('SIGKILL');
    process.exit(exitCode);
  };
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGINT', () => void stop(0));

  await Promise.all(Array.from({ length: count }, (_, index) => fork(index, true)));
};
