import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { EventEmitter } from 'node:events';
import cluster from 'node:cluster';
import { createServer, type Server } from 'node:http';
import type { TLSSocket } from 'node:tls';
import path from 'node:path';
import next from 'next';
import { getDatabase } from './db/client';
import { queryLogEnabled, takeQueryLog } from './db/query-log';
import { trustProxy } from './lib/auth/trust-proxy';
import { BAD_REQUEST_CONTENT_SECURITY_POLICY, badRequestResponse, isMalformedActionBody, isUnexpectedPagePost, malformedRequest } from './lib/http/request-guard';
import { baseSecurityHeaders, isPagePath, nonPageContentSecurityPolicy } from './lib/http/security-headers';
import { prepareDatabase } from './db/prepare';
import { startSweeps } from './lib/domain/sweeps/start-sweeps';
import { getRealtimeConfig } from './lib/realtime/config';
import { getRealtimePublisher } from './lib/realtime/publisher';
import { createRealtimeServer } from './lib/realtime/server';
import { createRealtimeRelay } from './lib/realtime/server/relay';
import { runPrimary, workerCount } from './lib/http/workers';
import { getStorage } from './lib/storage/storage';
import { ensureVapidKeys, getVapidDetails } from './lib/push/vapid';

// The app's process: Next.js plus what must share its port and lifetime: the embedded
// Pusher-protocol server (when no external one is configured) and the sweeps (snooze wake-up,
// abandoned uploads). With WEB_CONCURRENCY above 1 this file runs as the primary process, which
// forks that many workers running it again (lib/http/workers.ts): each worker serves the app, the
// primary keeps the realtime server.
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
// HOST, not HOSTNAME: shells and containers set HOSTNAME to the machine's name.
const host = process.env.HOST ?? '0.0.0.0';
const dataDir = path.resolve(process.env.BANDEJA_DATA_DIR ?? '.data');

// With no AUTH_SECRET configured, one is generated on first start and kept in .data.
const ensureAuthSecret = async () => {
  if (process.env.AUTH_SECRET) return;
  const file = path.join(dataDir, 'auth-secret');
  let secret = await readFile(file, 'utf8').catch(() => '');
  if (!secret.trim()) {
    secret = randomBytes(32).toString('base64url');
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, secret, { mode: 0o600 });
  }
  process.env.AUTH_SECRET = secret.trim();
};

await ensureAuthSecret();
// Web Push's VAPID keys: VAPID_* or a pair generated into the data directory on first start.
await ensureVapidKeys(dataDir);
process.env.AUTH_TRUST_HOST ??= 'true';
// Development is one process: several Next.js dev servers would share one .next and one HMR.
const workers = dev ? 1 : workerCount();
if (dev && process.env.WEB_CONCURRENCY) console.log('bandeja: WEB_CONCURRENCY is ignored in development (one process)');
// The primary (or the one process) migrates; workers start on a database that is ready.
if (!cluster.isWorker) await prepareDatabase();

// Fails at start, not at the first publish, when PUSHER_* is half configured.
const realtimeConfig = getRealtimeConfig();
// One process serving the app, or one worker of several.
const serve = async () => {
  const relayPort = process.env.BANDEJA_REALTIME_RELAY_PORT;
  const realtime = realtimeConfig.mode !== 'embedded' ? null : relayPort ? createRealtimeRelay(Number(relayPort)) : createRealtimeServer(realtimeConfig);

  // Next.js attaches its own upgrade listener (HMR in development) to the server it is given. It gets
  // this relay instead of the real server, so it only ever sees upgrades the realtime server declined:
  // two listeners on one upgrade would both write to the socket.
  const nextUpgrades = new EventEmitter();
  const app = next({ dev, hostname: host === '0.0.0.0' ? 'localhost' : host, port, httpServer: nextUpgrades as Server });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = createServer((request, response) => {
    const pathname = (request.url ?? '/').split('?')[0];
    // Security headers on every response (pages add their nonce CSP in middleware.ts; route handlers
    // that serve files set their own CSP over this one).
    const https = trustProxy() ? String(request.headers['x-forwarded-proto'] ?? '').split(',')[0].trim() === 'https' : Boolean((request.socket as TLSSocket).encrypted);
    for (const [name, value] of Object.entries(baseSecurityHeaders({ pathname, https }))) response.setHeader(name, value);
    if (!isPagePath(pathname)) response.setHeader('Content-Security-Policy', nonPageContentSecurityPolicy(pathname));
    // The Pusher HTTP events API (/apps/{id}/events) is answered before Next.js sees the request.
    if (realtime?.handleRequest(request, response)) return;
    // Benchmark mode only: the statements sent since the last read (db/query-log.ts).
    if (queryLogEnabled() && request.url === '/__bench/queries') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(takeQueryLog()));
      return;
    }
    const refuse = (reason: 'url' | 'post') => {
      const refusal = badRequestResponse({ pathname, acceptLanguage: request.headers['accept-language'] ?? null, reason });
      // The body is read and dropped, so the client gets the answer rather than a reset connection.
      request.resume();
      response.setHeader('Content-Security-Policy', BAD_REQUEST_CONTENT_SECURITY_POLICY);
      response.writeHead(refusal.status, { 'Content-Type': refusal.contentType, 'Cache-Control': 'no-store' }).end(refusal.body);
    };
    // A NUL byte or broken encoding in the URL is a 400 here, before any route or query sees it.
    if (malformedRequest(request.url ?? '/')) return refuse('url');
    // Rate limits key on the client address, and links and the widget loader on the host and scheme:
    // only a configured proxy (TRUST_PROXY=true) may tell us what they are. Next.js fills the
    // X-Forwarded-Host / -Proto / -Port it needs from the connection when they are absent.
    if (!trustProxy()) {
      request.headers['x-forwarded-for'] = request.socket.remoteAddress ?? 'unknown';
      delete request.headers['x-forwarded-host'];
      delete request.headers['x-forwarded-proto'];
      delete request.headers['x-forwarded-port'];
    }
    // A multipart POST to a page that is not one of its server actions, or an action's JSON that is not JSON.
    if (isPagePath(pathname) && request.method === 'POST') {
      void Promise.all([isUnexpectedPagePost(request), isMalformedActionBody(request)]).then(
        ([unexpected, malformed]) => (unexpected || malformed ? refuse('post') : handle(request, response)),
        () => response.destroy(),
      );
      return;
    }
    void handle(request, response);
  });
  // WebSocket upgrades on /app/{key} are pusher-js connections; every other one is Next.js's.
  server.on('upgrade', (request, socket, head) => {
    if (realtime?.handleUpgrade(request, socket, head)) return;
    nextUpgrades.emit('upgrade', request, socket, head);
  });

  // Snooze wake-up (C2), abandoned uploads, webhooks and pushes, every 30 s; safe with several app
  // instances, and each process delivers its own changes' webhooks and pushes at once. Of several
  // workers, the first (its replacement too) runs the passes.
  const periodic = !cluster.isWorker || process.env.BANDEJA_WORKER_INDEX === '0';
  const sweeps = startSweeps({ db: (await getDatabase()).db, realtime: getRealtimePublisher(), storage: getStorage(), vapid: getVapidDetails(), periodic });

  server.listen(port, host, () => {
    if (cluster.isWorker) return;
    const realtimeWhere = realtime ? 'embedded Pusher-protocol server on this port' : 'external Pusher server';
    console.log(`bandeja: ready on http://localhost:${port} (${dev ? 'development' : 'production'}; realtime: ${realtimeWhere})`);
  });

  const shutdown = () => {
    // Realtime sockets are closed with 4200, so pusher-js reconnects at once to the next process.
    void realtime?.close();
    server.close();
    // A sweep pass in progress finishes before the database closes under it.
    void sweeps
      .stop()
      .then(() => getDatabase())
      .then((database) => database.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
};

if (workers > 1 && cluster.isPrimary) {
  await (await getDatabase()).close();
  await runPrimary({ count: workers, serverFile: import.meta.filename, realtime: realtimeConfig.mode === 'embedded' ? realtimeConfig : null });
  const realtimeWhere = realtimeConfig.mode === 'embedded' ? 'embedded Pusher-protocol server on this port' : 'external Pusher server';
  console.log(`bandeja: ready on http://localhost:${port} (${dev ? 'development' : 'production'}; ${workers} workers; realtime: ${realtimeWhere})`);
} else {
  await serve();
}
