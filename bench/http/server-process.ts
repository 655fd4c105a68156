import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The app as `npm start` runs it (scripts/start.ts: builds when the sources changed, then server.ts),
// in production mode on 127.0.0.1, with the query log of db/query-log.ts switched on.

const root = path.resolve(import.meta.dirname, '../..');

export type AppServer = { pid: number; baseUrl: string; stop: () => Promise<void> };

// `workers` above 1: WEB_CONCURRENCY, a primary process and that many workers (lib/http/workers.ts).
export const startAppServer = async ({ databaseUrl, port, authSecret, logFile, workers = 1 }: { databaseUrl: string; port: number; authSecret: string; logFile: string; workers?: number }): Promise<AppServer> => {
  const log = createWriteStream(logFile);
  // BENCH_HTTP_CPU_PROF=<dir>: a V8 CPU profile of the server, written there when it stops.
  const profile = process.env.BENCH_HTTP_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_HTTP_CPU_PROF}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: {
      // Nothing leaves the machine: no external realtime server, no mail provider.
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PUSHER_') && !name.startsWith('RESEND_'))),
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      AUTH_SECRET: authSecret,
      BANDEJA_QUERY_LOG: '1',
      WEB_CONCURRENCY: String(workers),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  // A build (when the sources changed) takes minutes on a busy machine.
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bench:http: the app exited (${child.exitCode}); see ${logFile}`);
    const ok = await fetch(`${baseUrl}/api/health`).then((response) => response.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`bench:http: the app did not answer /api/health; see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    pid: child.pid!,
    baseUrl,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    },
  };
};

// CPU time (user + system, ms) the app has used so far: every process of its group (the primary and
// its workers with WEB_CONCURRENCY), from /proc/<pid>/stat fields 14 and 15, in clock ticks (100 per
// second on Linux), every thread included. Field 5 is the process group.
const statFields = (pid: string): string[] | null => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
};
export const cpuMsOf = (groupLeader: number): number =>
  readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(statFields)
    .filter((fields): fields is string[] => fields !== null && Number(fields[2]) === groupLeader)
    .reduce((sum, fields) => sum + (Number(fields[11]) + Number(fields[12])) * 10, 0);

// Where the machine's CPU went, in ms since boot: every CPU's busy time, the time the host took back
// (steal, on a VM), PostgreSQL's processes, and this benchmark's own process (its agents and their
// realtime tabs). Differences of two snapshots tell what else shared the CPUs with the app.
export const machineCpuMs = () => {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = ticks as number[];
  const postgres = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    })
    .map(statFields)
    .reduce((sum, fields) => sum + (fields ? (Number(fields[11]) + Number(fields[12])) * 10 : 0), 0);
  const own = process.cpuUsage();
  return { busy: (user! + nice! + system! + irq! + softirq!) * 10, steal: steal! * 10, postgres, bench: (own.user + own.system) / 1000 };
};

// The statements the app sent since the last call (db/query-log.ts); with several workers, those of
// the worker that answers (bench:http counts statements with one).
export const takeQueries = async (baseUrl: string): Promise<string[]> => (await fetch(`${baseUrl}/__bench/queries`)).json() as Promise<string[]>;
