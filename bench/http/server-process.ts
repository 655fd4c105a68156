import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';

// The app as `npm start` runs it (scripts/start.ts: builds when the sources changed, then server.ts),
// in production mode on 127.0.0.1, with the query log of db/query-log.ts switched on.

const root = path.resolve(import.meta.dirname, '../..');

export type AppServer = { pid: number; baseUrl: string; stop: () => Promise<void> };

export const startAppServer = async ({ databaseUrl, port, authSecret, logFile }: { databaseUrl: string; port: number; authSecret: string; logFile: string }): Promise<AppServer> => {
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

// CPU time (user + system, ms) a process has used so far: /proc/<pid>/stat fields 14 and 15, in
// clock ticks (100 per second on Linux), every thread included.
export const cpuMsOf = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

// The statements the app sent since the last call (db/query-log.ts).
export const takeQueries = async (baseUrl: string): Promise<string[]> => (await fetch(`${baseUrl}/__bench/queries`)).json() as Promise<string[]>;
