import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  interface ProvidedContext {
    e2eBaseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, '../../..');
const resultsDir = path.join(root, 'test-results');
const logPath = path.join(resultsDir, 'e2e-server.log');
// .ci/run kills this process group if vitest itself was killed before its teardown ran.
export const pidPath = path.join(resultsDir, 'e2e-server.pid');
const HEALTH_TIMEOUT_MS = 90_000;

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

const logTail = async () => {
  const log = await readFile(logPath, 'utf8').catch(() => '');
  return log.split('\n').slice(-40).join('\n');
};

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
];

// The app runs as in production, on a fresh embedded database, whatever the developer's shell exports.
const appEnvironment = (port: number, dataDir: string): NodeJS.ProcessEnv => {
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

const waitForHealth = async (baseUrl: string, child: ChildProcess) => {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The app exited (${child.exitCode ?? child.signalCode}) before it was healthy. ${logPath}:\n${await logTail()}`);
    }
    const status = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`GET ${baseUrl}/api/health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s. ${logPath}:\n${await logTail()}`);
};

// Starts the built app (server.ts) on a free port with an empty data dir; E2E_BASE_URL tests a running app instead.
export default async function setup(project: TestProject) {
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('e2eBaseUrl', external.replace(/\/+$/, ''));
    return;
  }
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    throw new Error('No production build in .next: run `npm run build` (next build) before `npm run test:e2e`.');
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bandeja-e2e-'));
  await mkdir(resultsDir, { recursive: true });
  const log = openSync(logPath, 'w');
  // Its own process group (detached), so teardown stops the server and anything it started.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: root,
    env: appEnvironment(port, dataDir),
    detached: true,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  await writeFile(pidPath, String(child.pid));
  // If vitest exits without reaching teardown (Ctrl-C, an error), the server still goes.
  const killOnExit = () => {
    killGroup(child, 'SIGKILL');
    rmSync(pidPath, { force: true });
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.on('exit', killOnExit);

  const teardown = async () => {
    process.off('exit', killOnExit);
    killGroup(child, 'SIGTERM');
    if (!(await exited(child, 10_000))) killGroup(child, 'SIGKILL');
    await exited(child, 5_000);
    killGroup(child, 'SIGKILL');
    await rm(pidPath, { force: true });
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('e2eBaseUrl', baseUrl);
  return teardown;
}
