import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';

// The built app (server.ts) as a process of its own, in its own process group, for the e2e setup and
// for tests that need an app started differently (tests/e2e/workers.e2e.test.ts).

export const root = path.resolve(import.meta.dirname, '../../..');
const HEALTH_TIMEOUT_MS = 90_000;

const UNSET_FOR_APP = [
  'DATABASE_URL',
  'BANDEJA_SEED_DEMO',
  'RESEND_API_KEY',
  'PUSHER_APP_ID',
  'PUSHER_KEY',
  'PUSHER_SECRET',
  'PUSHER_CLUSTER',
  'PUSHER_HOST',
  'PUSHER_PORT',
  'WEB_CONCURRENCY',
];

// The app runs as in production, on a fresh embedded database, whatever the developer's shell exports.
export const appEnvironment = (port: number, dataDir: string): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    HOSTNAME: '127.0.0.1',
    BANDEJA_DATA_DIR: dataDir,
    // Web Push to the tests' local push service on 127.0.0.1 (production mode refuses private endpoints).
    BANDEJA_ALLOW_PRIVATE_PUSH_ENDPOINTS: 'true',
  };
  for (const name of UNSET_FOR_APP) delete env[name];
  return env;
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

const logTail = async (logPath: string) => {
  const log = await readFile(logPath, 'utf8').catch(() => '');
  return log.split('\n').slice(-40).join('\n');
};

const killGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
};

const exited = (child: ChildProcess, timeoutMs: number) =>
  new Promise<boolean>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

const waitForHealth = async (baseUrl: string, child: ChildProcess, logPath: string) => {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The app exited (${child.exitCode ?? child.signalCode}) before it was healthy. ${logPath}:\n${await logTail(logPath)}`);
    }
    const status = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`GET ${baseUrl}/api/health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s. ${logPath}:\n${await logTail(logPath)}`);
};

export type AppProcess = { baseUrl: string; pid: number; stop: () => Promise<void> };

// Starts server.ts on a free port with `env(port)` and waits until it is healthy; `onStarted` gets the
// pid before the wait (the e2e setup writes it down for .ci/run). stop() ends the whole group.
export const startAppProcess = async ({ env, logPath, onStarted }: { env: (port: number) => NodeJS.ProcessEnv; logPath: string; onStarted?: (pid: number) => Promise<void> }): Promise<AppProcess> => {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = openSync(logPath, 'w');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], { cwd: root, env: env(port), detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  await onStarted?.(child.pid!);
  // If vitest exits without stopping it (Ctrl-C, an error), the app still goes.
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.on('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    killGroup(child, 'SIGTERM');
    if (!(await exited(child, 10_000))) killGroup(child, 'SIGKILL');
    await exited(child, 5_000);
    killGroup(child, 'SIGKILL');
  };
  try {
    await waitForHealth(baseUrl, child, logPath);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, pid: child.pid!, stop };
};
