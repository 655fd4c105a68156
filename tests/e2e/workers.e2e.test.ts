import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appEnvironment, root, startAppProcess, type AppProcess } from '@/tests/e2e/helpers/app-process';
import { newAgentPage, signIn } from '@/tests/e2e/helpers/browser';

// WEB_CONCURRENCY=2 (lib/http/workers.ts): a primary process with the realtime server, two workers
// serving the app on the same port, on a PostgreSQL server (E2E_POSTGRES_URL; .ci/run gives its own).
const POSTGRES_URL = process.env.E2E_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = `bandeja_e2e_workers_${process.pid}`;
const PASSWORD = 'bandeja-demo';

const messages = (page: Page) => page.getByRole('list', { name: 'Mensajes' });
const composer = (page: Page) => page.locator('form:has(textarea[name="content"])');

// The app's worker processes: the primary's children (/proc/<pid>/stat: field 4 is the parent).
const statOf = (pid: string) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
};
const workersOf = (primary: number): number[] =>
  readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return Number(statOf(pid)[1]) === primary;
      } catch {
        return false;
      }
    })
    .map(Number);
// CPU time (ticks) a process has used: fields 14 and 15.
const cpuTicksOf = (pid: number) => {
  const fields = statOf(String(pid));
  return Number(fields[11]) + Number(fields[12]);
};
// A request on a connection of its own (Node's cluster hands each new connection to the next worker).
const getOnNewConnection = (url: string) =>
  new Promise<number>((resolve, reject) => {
    request(url, { agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });

let app: AppProcess;
let dataDir: string;

beforeAll(async () => {
  const admin = postgres(POSTGRES_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE "${DATABASE}"`);
  } catch (error) {
    throw new Error(`This test needs a PostgreSQL server at E2E_POSTGRES_URL (${POSTGRES_URL}): ${error instanceof Error ? error.message : error}`);
  } finally {
    await admin.end();
  }
  const databaseUrl = POSTGRES_URL.replace(/\/[^/]*$/, `/${DATABASE}`);
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'bandeja-e2e-workers-'));
  app = await startAppProcess({
    env: (port) => ({ ...appEnvironment(port, dataDir), DATABASE_URL: databaseUrl, BANDEJA_SEED_DEMO: 'true', WEB_CONCURRENCY: '2' }),
    logPath: path.join(root, 'test-results', 'e2e-workers-server.log'),
  });
}, 150_000);

afterAll(async () => {
  await app?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  const admin = postgres(POSTGRES_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`).finally(() => admin.end());
}, 30_000);

describe('several app processes (WEB_CONCURRENCY=2 on PostgreSQL)', () => {
  test('two workers share the port and both serve; a reply sent through one reaches another agent live through the primary', async () => {
    const workers = workersOf(app.pid);
    expect(workers).toHaveLength(2);
    // New connections are spread over both workers: each one's CPU time grows.
    const before = workers.map(cpuTicksOf);
    for (let i = 0; i < 20; i++) expect(await getOnNewConnection(`${app.baseUrl}/login`)).toBe(200);
    const after = workers.map(cpuTicksOf);
    workers.forEach((_, index) => expect(after[index]).toBeGreaterThan(before[index]!));

    // Two agents, each with their own browser: Sofía watches a conversation, Carlos replies in it.
    const sofia = await newAgentPage({ appUrl: app.baseUrl });
    const opened = sofia.waitForEvent('websocket', { predicate: (socket) => new URL(socket.url()).pathname.startsWith('/app/') });
    await signIn(sofia, 'sofia@bandeja.test', PASSWORD);
    const socket = await opened;
    // The socket reached the primary's realtime server through a worker and subscribed.
    await new Promise<void>((resolve) => socket.on('framereceived', ({ payload }) => /subscription_succeeded.*private-/.test(String(payload)) && resolve()));
    await sofia.getByRole('list', { name: 'Conversaciones', exact: true }).locator(':scope > li:has(article)').first().getByRole('link').click();
    await sofia.waitForURL((url) => /\/\d+$/.test(url.pathname));
    await messages(sofia).locator('li').first().waitFor();
    const conversationPath = new URL(sofia.url()).pathname;

    const carlos = await newAgentPage({ appUrl: app.baseUrl });
    await signIn(carlos, 'carlos@bandeja.test', PASSWORD);
    await carlos.goto(conversationPath);
    await messages(carlos).locator('li').first().waitFor();
    for (const text of ['Primera respuesta entre procesos', 'Segunda respuesta entre procesos']) {
      await composer(carlos).getByRole('textbox').fill(text);
      await composer(carlos).getByRole('textbox').press('Enter');
      await messages(sofia).getByText(text).waitFor({ timeout: 10_000 });
    }
  }, 90_000);

  test('a worker that dies is replaced, and the app answers meanwhile', async () => {
    const [victim, survivor] = workersOf(app.pid);
    process.kill(victim!, 'SIGKILL');
    // Once the primary has seen it go, every new connection goes to the worker left.
    await expect.poll(() => workersOf(app.pid).includes(victim!), { timeout: 10_000, interval: 100 }).toBe(false);
    for (let i = 0; i < 4; i++) expect(await getOnNewConnection(`${app.baseUrl}/api/health`)).toBe(200);
    await expect.poll(() => workersOf(app.pid).filter((pid) => pid !== victim && pid !== survivor), { timeout: 30_000, interval: 250 }).toHaveLength(1);
    await expect.poll(() => getOnNewConnection(`${app.baseUrl}/api/health`), { timeout: 30_000 }).toBe(200);
  }, 60_000);
});
