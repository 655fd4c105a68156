import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { asc, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { postgresDatabase } from '@/db/client';
import { accounts, accountUsers, users } from '@/db/schema';
import { loadActor } from '@/lib/domain/authorization/load-actor';
import type { Actor } from '@/lib/domain/context';
import { resolveRealtimeConfig } from '@/lib/realtime/config';
import { DATASET_NOW } from './dataset/catalog';
import { benchDatabaseUrl, ensureDataset } from './generate';
import { measureBrowser } from './http/browser';
import { domainCall, domainCtx } from './http/domain-calls';
import { liveTab, TAB_KINDS, type TabKind } from './http/live-tabs';
import { connectRealtimeAgents } from './http/realtime-agents';
import { BACKGROUND_REFRESH_MS } from '@/components/realtime/use-coalesced-refresh';
import { cpuMsOf, machineCpuMs, startAppServer, takeQueries } from './http/server-process';
import { REQUEST_KINDS, sessionRequest, type Agent, type BenchRequest, type RequestKind, type SessionSettings } from './http/session';
import { signIn } from './http/sign-in';

// What the load phase times: the sessions' requests, and the open tabs' (`--tabs=live`).
type LoadKind = RequestKind | TabKind;
import { summarise, type Summary } from './measure/stats';

// `npm run bench:http`: the built app under 50 signed-in agents at once (issue 16). Starts the app the
// `npm start` way on a fresh copy of the 200k-conversation dataset (bench/generate.ts), signs the
// dataset's people in, connects their realtime tabs, then:
//   1. per request kind, alone: queries per request, server CPU per request, bytes, next to the domain call;
//   2. under load: every agent loops the session of bench/http/session.ts (autocannon, one connection
//      per agent) for --duration seconds: p50/p95/p99, throughput, errors, server CPU per request;
//   3. in Chromium: switching conversation, cold and warm LCP, JS per page, caching (bench/http/browser.ts).
// Only 127.0.0.1; bounded in time (--duration ≤ 300 s) and count (≤ 50 agents).

const { values: args } = parseArgs({
  options: {
    agents: { type: 'string', default: '50' },
    duration: { type: 'string', default: '60' },
    isolated: { type: 'string', default: '20' },
    // Milliseconds an agent waits between two requests (±50 %, at random). 0: none, each agent sends
    // the next request as soon as the last one is answered (autocannon). autocannon cannot pause a
    // connection, so with a think time the agents are plain fetch loops.
    think: { type: 'string', default: '0' },
    // Conversation switches timed in Chromium.
    switches: { type: 'string', default: '20' },
    // Page visits timed in Chromium, cold and warm each (LCP): a p95 needs more than a handful.
    visits: { type: 'string', default: '20' },
    port: { type: 'string', default: '3917' },
    // App processes (WEB_CONCURRENCY): 1, or a primary and this many workers sharing the port.
    workers: { type: 'string', default: '1' },
    // Which parts to run: isolated (each kind alone), load (50 agents), browser (Chromium).
    phases: { type: 'string', default: 'isolated,load,browser' },
    'no-browser': { type: 'boolean', default: false },
    // Under load, what the agents' open tabs do with the events they hear: `live`, ask the server
    // for the list's first page and the page again, as the dashboard does (live-tabs.ts); `count`,
    // only count the page re-renders they would ask for (the rounds before the twelfth).
    tabs: { type: 'string', default: 'live' },
    label: { type: 'string', default: '' },
    output: { type: 'string', default: path.resolve(import.meta.dirname, 'http-results.json') },
  },
});
const agentCount = Math.min(50, Math.max(1, Number(args.agents)));
const durationSeconds = Math.min(300, Math.max(5, Number(args.duration)));
const isolatedRuns = Math.min(100, Math.max(3, Number(args.isolated)));
const workers = Math.min(8, Math.max(1, Number(args.workers)));
const PASSWORD = 'bandeja-demo';
const AUTH_SECRET = 'bench-http-auth-secret-not-for-production-0001';
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const load = () => os.loadavg().map((value) => round(value, 2));

// 0. The dataset, and a copy of it for this run: the session writes (replies, statuses), so every
// run starts from the same data.
const templateUrl = process.env.BENCH_HTTP_DATABASE_URL ?? benchDatabaseUrl().replace(/\/[^/]+$/, '/bandeja_bench_http');
const template = new URL(templateUrl).pathname.slice(1);
await ensureDataset({ url: templateUrl });
const runDatabase = `${template}_run`;
const admin = postgres(templateUrl.replace(/\/[^/]+$/, '/postgres'), { max: 1, onnotice: () => {} });
await admin.unsafe(`DROP DATABASE IF EXISTS "${runDatabase}" WITH (FORCE)`);
await admin.unsafe(`CREATE DATABASE "${runDatabase}" TEMPLATE "${template}"`);
await admin.end();
const runUrl = templateUrl.replace(/\/[^/]+$/, `/${runDatabase}`);
const database = await postgresDatabase(runUrl, { max: 4 });
const { db } = database;
// The dataset's clock is DATASET_NOW; the app's is the real one. Snoozes keep their distance from
// "now", or the app's sweep would wake 10k conversations during the run.
await db.execute(sql`update conversations set snoozed_until = snoozed_until + (now() - ${DATASET_NOW.toISOString()}::timestamptz) where status = 'snoozed'`);

const [account] = await db.select({ id: accounts.id }).from(accounts).where(sql`${accounts.settings} @> '{"benchmark": true}'`);
if (!account) throw new Error('bench:http: the benchmark account is missing');
const people = await db
  .select({ userId: users.id, email: users.email })
  .from(accountUsers)
  .innerJoin(users, eq(users.id, accountUsers.userId))
  .where(eq(accountUsers.accountId, account.id))
  .orderBy(asc(users.id))
  .limit(agentCount);
const searchTerms = ['pedido', 'factura', 'garantía', 'devolucion', 'envío'];

// The status menu's server action, by the name the client chunks give it.
const actionIdOf = (name: string): string => {
  const dir = path.resolve(import.meta.dirname, '../.next/static/chunks');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
  for (const file of files) {
    const match = new RegExp(`createServerReference\\)\\("([0-9a-f]+)",[^)]*"${name}"\\)`).exec(readFileSync(path.join(dir, file), 'utf8'));
    if (match) return match[1]!;
  }
  throw new Error(`bench:http: no server action ${name} in .next/static/chunks`);
};

const startedAt = new Date().toISOString();
const loadAtStart = load();
console.log(`bench:http: ${people.length} agents, ${durationSeconds} s of sessions, ${workers} app process${workers > 1 ? 'es (workers)' : ''}; load average ${loadAtStart.join(' ')}`);
const server = await startAppServer({ databaseUrl: runUrl, port: Number(args.port), authSecret: AUTH_SECRET, logFile: path.join(os.tmpdir(), 'bandeja-bench-http-server.log'), workers });
const results: Record<string, unknown> = {};
try {
  const settings: SessionSettings = { changeStatusActionId: actionIdOf('changeStatusAction'), searchTerms };
  const listActionId = actionIdOf('loadMoreConversationsAction');

  // 1. Sign in, and find each agent's conversations on their default view (the "Mías" tab).
  const agents: Array<Agent & { actor: Actor }> = [];
  for (const person of people) {
    const cookie = await signIn(server.baseUrl, person.email, PASSWORD);
    const actor = (await loadActor(db, { userId: person.userId, accountId: account.id }))!;
    const ids = async (query: string) => {
      const html = await (await fetch(`${server.baseUrl}/all${query}`, { headers: { cookie } })).text();
      return [...new Set([...html.matchAll(/href="\/all\/(\d+)/g)].map((match) => Number(match[1])))];
    };
    let conversationIds = await ids('');
    if (conversationIds.length < 4) conversationIds = await ids('?tab=all');
    agents.push({ email: person.email, cookie, conversationIds, loops: 0, actor });
  }
  console.log(`  signed in; conversations per agent: ${Math.min(...agents.map((a) => a.conversationIds.length))}-${Math.max(...agents.map((a) => a.conversationIds.length))}`);

  // Their realtime tabs, connected for the whole run.
  const realtime = await connectRealtimeAgents(server.baseUrl, resolveRealtimeConfig({ AUTH_SECRET }).key, agents.map(({ actor, cookie }) => ({ actor, cookie })));
  console.log(`  realtime: ${JSON.stringify(realtime.stats())}`);
  // Each agent's posts name their tab's connection, as the dashboard's do.
  realtime.socketIds().forEach((socketId, index) => (agents[index]!.socketId = socketId));

  const send = async (request: BenchRequest) => {
    const started = performance.now();
    const response = await fetch(`${server.baseUrl}${request.path}`, { method: request.method, headers: request.headers, body: request.body, redirect: 'manual' });
    const body = await response.text();
    return { status: response.status, bytes: Buffer.byteLength(body), body, ms: performance.now() - started };
  };

  // 2. Each kind alone, one request at a time: queries, CPU, bytes, time; then the domain call.
  const phases = new Set(args.phases.split(','));
  if (args['no-browser']) phases.delete('browser');
  const isolated: Record<string, unknown> = {};
  for (const kind of phases.has('isolated') ? REQUEST_KINDS : []) {
    await takeQueries(server.baseUrl);
    const queryCounts: number[] = [];
    const times: number[] = [];
    const bytes: number[] = [];
    let statements: string[] = [];
    let failures = 0;
    const cpuBefore = cpuMsOf(server.pid);
    for (let run = 0; run < isolatedRuns; run += 1) {
      const agent = agents[run % agents.length]!;
      const result = await send(sessionRequest(kind, agent, 1000 + run, settings));
      // A server action answers 200 with its state; a refused one carries an error code.
      if (result.status >= 400 || (kind === 'status' && /"error":"[A-Z_]+"/.test(result.body))) failures += 1;
      if (process.env.BENCH_HTTP_DEBUG && run === 0) console.log(`  [${kind}] ${result.status}: ${result.body.slice(0, 600)}`);
      times.push(result.ms);
      bytes.push(result.bytes);
      statements = await takeQueries(server.baseUrl);
      queryCounts.push(statements.length);
    }
    const cpuPerRequest = (cpuMsOf(server.pid) - cpuBefore) / isolatedRuns;
    const domainTimes: number[] = [];
    for (let run = 0; run < isolatedRuns; run += 1) {
      const agent = agents[run % agents.length]!;
      const ids = agent.conversationIds;
      const started = performance.now();
      await domainCall(kind, domainCtx(db, agent.actor), { conversationId: ids[(run * 7) % ids.length]!, loop: run, term: searchTerms[run % searchTerms.length]! });
      domainTimes.push(performance.now() - started);
    }
    const sequential = summarise(times);
    const domain = summarise(domainTimes);
    const repeated = Object.entries(statements.reduce<Record<string, number>>((counts, text) => ({ ...counts, [text]: (counts[text] ?? 0) + 1 }), {}))
      .filter(([, count]) => count > 1)
      .map(([text, count]) => ({ count, text: text.slice(0, 200) }));
    isolated[kind] = {
      runs: isolatedRuns,
      failures,
      queriesPerRequest: { min: Math.min(...queryCounts), max: Math.max(...queryCounts) },
      repeatedStatements: repeated,
      statements: statements.map((text) => text.slice(0, 160)),
      responseBytes: Math.round(bytes.reduce((sum, value) => sum + value, 0) / bytes.length),
      requestMs: sequential,
      serverCpuMsPerRequest: round(cpuPerRequest),
      domainMs: domain,
      requestOverDomainP50: round(sequential.p50 / domain.p50, 2),
      cpuOverDomainP50: round(cpuPerRequest / domain.p50, 2),
    };
    console.log(
      `  ${kind.padEnd(12)} alone: ${sequential.p50.toFixed(1)} ms p50 (domain ${domain.p50.toFixed(1)} ms), CPU ${cpuPerRequest.toFixed(1)} ms/req, ` +
        `${queryCounts.at(-1)} queries (${repeated.length} repeated), ${Math.round(bytes.at(-1)! / 1000)} kB${failures ? `, ${failures} FAILED` : ''}`,
    );
  }
  results.isolated = isolated;
  if (!phases.has('load')) realtime.disconnect();

  // 3. Under load: 50 connections, one per agent, each looping the session.
  if (phases.has('load')) {
    const free = [...agents];
    const liveTabs = args.tabs === 'live';
    const kinds: LoadKind[] = [...REQUEST_KINDS, ...(liveTabs ? TAB_KINDS : [])];
    const byKind = new Map<LoadKind, { times: number[]; errors: number; statuses: Record<string, number> }>(kinds.map((kind) => [kind, { times: [], errors: 0, statuses: {} }]));
    const sessionRequests = REQUEST_KINDS.map((kind, index) => ({
      kind,
      setupRequest: (request: Record<string, unknown>, context: Record<string, unknown>) => {
        // A connection takes a free agent at the start of each session and gives it back at the end.
        if (index === 0) {
          const agent = free.shift() ?? agents[Math.floor(Math.random() * agents.length)]!;
          agent.loops += 1;
          context.agent = agent;
        }
        const agent = context.agent as Agent;
        const built = sessionRequest(kind, agent, agent.loops, settings);
        return { ...request, method: built.method, path: built.path, headers: built.headers, body: built.body };
      },
      ...(index === REQUEST_KINDS.length - 1 ? { onResponse: (_status: number, _body: string, context: Record<string, unknown>) => void free.push(context.agent as Agent & { actor: Actor }) } : {}),
    }));
    const loadBefore = load();
    const cpuBefore = cpuMsOf(server.pid);
    const machineBefore = machineCpuMs();
    const eventsBefore = realtime.stats().eventsReceived;
    const loadStarted = performance.now();
    const record = (kind: LoadKind, statusCode: number, responseTime: number) => {
      const entry = byKind.get(kind)!;
      entry.times.push(responseTime);
      entry.statuses[statusCode] = (entry.statuses[statusCode] ?? 0) + 1;
      if (statusCode >= 400) entry.errors += 1;
    };
    // The open tabs' own requests (live-tabs.ts), each agent's tab with its cookie, while the load runs.
    const tabRequests = { total: 0, errors: 0 };
    const tabRequest = async (kind: TabKind, url: string, init: RequestInit, answered: (body: string) => boolean) => {
      const started = performance.now();
      try {
        const response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
        const body = await response.text();
        record(kind, response.ok && !answered(body) ? 599 : response.status, performance.now() - started);
        tabRequests.total += 1;
      } catch {
        tabRequests.errors += 1;
      }
    };
    const tabs = liveTabs
      ? agents.map(({ cookie, actor, conversationIds }, index) => {
          const tab = liveTab({
            listRead: () =>
              tabRequest(
                'tab list',
                `${server.baseUrl}/all`,
                {
                  method: 'POST',
                  headers: { cookie, accept: 'text/x-component', 'next-action': listActionId, 'content-type': 'text/plain;charset=UTF-8' },
                  body: JSON.stringify([{ kind: 'all' }, { tab: 'mine', status: 'open', sort: 'recent' }]),
                },
                (body) => body.includes('"items"') && !body.includes('"error"'),
              ),
            pageRefresh: () => tabRequest('tab page', `${server.baseUrl}/all?_rsc=refresh`, { headers: { cookie, accept: '*/*', rsc: '1' } }, (body) => body.length > 0),
          }, { tab: 'mine', status: 'open', userId: actor.userId, shownIds: new Set(conversationIds) });
          realtime.listen(index, tab.heard);
          return tab;
        })
      : [];
    const thinkMs = Math.min(60_000, Math.max(0, Number(args.think)));
    let summary: { requests: { total: number }; errors: number; timeouts: number; non2xx: number };
    if (thinkMs === 0) {
      const instance = autocannon({
        url: server.baseUrl,
        connections: agents.length,
        duration: durationSeconds,
        timeout: 30,
        requests: sessionRequests as unknown as autocannon.Request[],
      });
      instance.on('response', (client: { requestIterator?: { currentRequest?: { kind?: RequestKind } } }, statusCode: number, _bytes: number, responseTime: number) => {
        const kind = client.requestIterator?.currentRequest?.kind;
        if (kind) record(kind, statusCode, responseTime);
      });
      summary = await instance;
    } else {
      // Each agent: its session, a pause of about `think` ms before every request, until the time is up.
      summary = { requests: { total: 0 }, errors: 0, timeouts: 0, non2xx: 0 };
      const deadline = Date.now() + durationSeconds * 1000;
      await Promise.all(
        agents.map(async (agent) => {
          while (Date.now() < deadline) {
            agent.loops += 1;
            for (const kind of REQUEST_KINDS) {
              await new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random())));
              if (Date.now() >= deadline) return;
              const request = sessionRequest(kind, agent, agent.loops, settings);
              const started = performance.now();
              try {
                const response = await fetch(`${server.baseUrl}${request.path}`, { method: request.method, headers: request.headers, body: request.body, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
                await response.arrayBuffer();
                record(kind, response.status, performance.now() - started);
                summary.requests.total += 1;
                if (response.status >= 400) summary.non2xx += 1;
              } catch (error) {
                summary.errors += 1;
                if ((error as Error).name === 'TimeoutError') summary.timeouts += 1;
              }
            }
          }
        }),
      );
    }
    for (const tab of tabs) tab.stop();
    summary.requests.total += tabRequests.total;
    summary.errors += tabRequests.errors;
    const cpuMs = cpuMsOf(server.pid) - cpuBefore;
    const machineAfter = machineCpuMs();
    // CPUs' worth (1.0 = one CPU busy the whole run) of what shared the machine.
    const cpus = (ms: number) => round(ms / (durationSeconds * 1000), 2);
    const machine = {
      cpus: os.cpus().length,
      busy: cpus(machineAfter.busy - machineBefore.busy),
      steal: cpus(machineAfter.steal - machineBefore.steal),
      app: cpus(cpuMs),
      postgres: cpus(machineAfter.postgres - machineBefore.postgres),
      benchmark: cpus(machineAfter.bench - machineBefore.bench),
    };
    const loadAfter = load();
    const total = summary.requests.total;
    const perKind: Record<string, Summary & { errors: number; statuses: Record<string, number>; perSecond: number }> = {};
    for (const [kind, entry] of byKind) perKind[kind] = { ...summarise(entry.times), errors: entry.errors, statuses: entry.statuses, perSecond: round(entry.times.length / durationSeconds) };
    results.load = {
      agents: agents.length,
      durationSeconds,
      thinkMs,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadAfter,
      requests: total,
      requestsPerSecond: round(total / durationSeconds),
      sessionsPerSecond: round(perKind.list!.runs / durationSeconds, 2),
      connectionErrors: summary.errors,
      timeouts: summary.timeouts,
      non2xx: summary.non2xx,
      serverCpuMsPerRequest: round(cpuMs / Math.max(1, total)),
      serverCpuShare: round(cpuMs / (durationSeconds * 1000), 2),
      machineCpus: machine,
      realtimeEventsReceived: realtime.stats().eventsReceived - eventsBefore,
      realtime: realtime.stats(),
      // `live`: the tabs' own requests are among `requests` (perKind 'tab list', 'tab page').
      tabs: args.tabs,
      tabRequests: tabRequests.total,
      // Whole-page re-renders the 50 dashboards would have asked for (with `count`, on top of these requests).
      tabPageRefreshes: realtime.pageRefreshesSince(loadStarted),
      perKind,
    };
    console.log(`\n  under load (${agents.length} agents, ${durationSeconds} s, load ${loadBefore.join(' ')} → ${loadAfter.join(' ')}): ${total} requests, ${round(total / durationSeconds)}/s, ${summary.errors} errors, ${summary.non2xx} non-2xx, ${round(cpuMs / Math.max(1, total))} ms CPU/request`);
    console.log(`  CPUs in use (of ${machine.cpus}): all ${machine.busy}, app ${machine.app}, PostgreSQL ${machine.postgres}, this benchmark ${machine.benchmark}; taken by the host (steal) ${machine.steal}`);
    console.log(`  ${'kind'.padEnd(12)} ${'n'.padStart(6)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)} errors`);
    for (const [kind, entry] of Object.entries(perKind)) console.log(`  ${kind.padEnd(12)} ${String(entry.runs).padStart(6)} ${entry.p50.toFixed(0).padStart(8)} ${entry.p95.toFixed(0).padStart(8)} ${entry.p99.toFixed(0).padStart(8)} ${entry.errors}`);
    const refreshes = realtime.pageRefreshesSince(loadStarted);
    console.log(`  the tabs heard ${realtime.stats().eventsReceived - eventsBefore} events: page re-renders they would ask for, every event soon ${refreshes.everyEventSoon}, counts within ${BACKGROUND_REFRESH_MS / 1000} s ${refreshes.countsCanWait}`);
    realtime.disconnect();
  }

  // 4. In Chromium, on the idle server.
  if (phases.has('browser')) {
    const agent = agents[0]!;
    results.browser = await measureBrowser({ baseUrl: server.baseUrl, email: agent.email, password: PASSWORD, conversationIds: agent.conversationIds, switches: Math.min(200, Math.max(5, Number(args.switches))), visits: Math.min(100, Math.max(5, Number(args.visits))) });
    console.log(`\n  browser: ${JSON.stringify(results.browser, null, 1).slice(0, 1500)}`);
  }
} finally {
  await server.stop();
  await database.close();
}

const previous = (() => {
  try {
    return JSON.parse(readFileSync(args.output, 'utf8')) as { runs?: unknown[] };
  } catch {
    return { runs: [] };
  }
})();
const run = {
  label: args.label,
  startedAt,
  finishedAt: new Date().toISOString(),
  loadAverageAtStart: loadAtStart,
  workers,
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: round(os.totalmem() / 2 ** 30), node: process.version },
  ...results,
};
// Every run is kept (newest last), so before and after sit side by side.
writeFileSync(args.output, `${JSON.stringify({ runs: [...(previous.runs ?? []), run] }, null, 2)}\n`);
console.log(`\nwritten to ${path.relative(process.cwd(), args.output)}`);
