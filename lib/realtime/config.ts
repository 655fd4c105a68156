import { createHmac, randomBytes } from 'node:crypto';

// Where realtime runs, resolved once from the environment:
// - external: PUSHER_APP_ID/KEY/SECRET with PUSHER_CLUSTER (Pusher Channels) or PUSHER_HOST and
//   PUSHER_PORT (Soketi or any Pusher-compatible server; PUSHER_SCHEME=https or PUSHER_USE_TLS=true
//   for TLS). Browsers connect to the same host unless PUSHER_WS_HOST/PUSHER_WS_PORT say otherwise
//   (e.g. Soketi reached by the app on a private name).
// - embedded (nothing configured): the app's own process serves the protocol on its own port
//   (server.ts); credentials are derived from AUTH_SECRET, so they survive restarts and are the
//   same in server.ts and in the Next.js bundle.
export type RealtimeConfig = {
  mode: 'embedded' | 'external';
  appId: string;
  key: string;
  secret: string;
  // Where the `pusher` SDK publishes (server to server).
  api: { cluster: string } | { host: string; port: number; useTLS: boolean };
  // Where browsers connect; null host/port: the page's own origin (embedded).
  browser: { wsHost: string | null; wsPort: number | null; forceTLS: boolean; cluster: string };
  // Embedded only: open WebSockets allowed per client address (REALTIME_MAX_CONNECTIONS_PER_IP, 100).
  maxConnectionsPerIp?: number;
};

// One tab is one socket; 100 covers an office of agents behind one NAT address with several tabs
// each, and the widget visitors of a site behind it.
const DEFAULT_MAX_CONNECTIONS_PER_IP = 100;

type Env = Record<string, string | undefined>;

const EXTERNAL_VARIABLES = ['PUSHER_APP_ID', 'PUSHER_KEY', 'PUSHER_SECRET'] as const;
// pusher-js requires a cluster even when wsHost overrides where it connects.
const DEFAULT_CLUSTER = 'mt1';

const port = (value: string | undefined, name: string): number | undefined => {
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0 || number > 65_535) throw new Error(`realtime: ${name} must be a port number, not "${value}"`);
  return number;
};

const positiveInteger = (value: string | undefined, name: string): number | undefined => {
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new Error(`realtime: ${name} must be a positive integer, not "${value}"`);
  return number;
};

// Where the embedded server answers the SDK: the app's own HTTP server (HOST as configured, or the
// loopback when it listens on every interface), or, in a worker of several (WEB_CONCURRENCY), the
// primary process's loopback port that the worker was given (lib/http/workers.ts).
const ownAddress = (env: Env) => {
  const relayPort = port(env.BANDEJA_REALTIME_RELAY_PORT, 'BANDEJA_REALTIME_RELAY_PORT');
  if (relayPort) return { host: '127.0.0.1', port: relayPort };
  const host = env.HOST && !['0.0.0.0', '::', ''].includes(env.HOST) ? env.HOST : '127.0.0.1';
  return { host, port: port(env.PORT, 'PORT') ?? 3000 };
};

const derive = (authSecret: string, purpose: string) => createHmac('sha256', authSecret).update(`bandeja realtime ${purpose}`).digest('hex');

export const resolveRealtimeConfig = (env: Env = process.env): RealtimeConfig => {
  const configured = EXTERNAL_VARIABLES.filter((name) => env[name]);
  if (configured.length > 0) {
    const missing = EXTERNAL_VARIABLES.filter((name) => !env[name]);
    if (missing.length > 0 || (!env.PUSHER_CLUSTER && !env.PUSHER_HOST)) {
      throw new Error(`realtime: ${[...missing, ...(env.PUSHER_CLUSTER || env.PUSHER_HOST ? [] : ['PUSHER_CLUSTER or PUSHER_HOST'])].join(', ')} missing for an external Pusher server`);
    }
    const credentials = { appId: env.PUSHER_APP_ID!, key: env.PUSHER_KEY!, secret: env.PUSHER_SECRET! };
    const cluster = env.PUSHER_CLUSTER || DEFAULT_CLUSTER;
    if (!env.PUSHER_HOST) {
      return { mode: 'external', ...credentials, api: { cluster }, browser: { wsHost: null, wsPort: null, forceTLS: true, cluster } };
    }
    const useTLS = env.PUSHER_SCHEME === 'https' || env.PUSHER_USE_TLS === 'true';
    const apiPort = port(env.PUSHER_PORT, 'PUSHER_PORT') ?? (useTLS ? 443 : 80);
    return {
      mode: 'external',
      ...credentials,
      api: { host: env.PUSHER_HOST, port: apiPort, useTLS },
      browser: { wsHost: env.PUSHER_WS_HOST || env.PUSHER_HOST, wsPort: port(env.PUSHER_WS_PORT, 'PUSHER_WS_PORT') ?? apiPort, forceTLS: useTLS, cluster },
    };
  }
  // server.ts sets AUTH_SECRET (from .data/auth-secret) before anything resolves this; a process
  // without one (a script) gets credentials of its own, fine for a server it starts itself.
  const authSecret = env.AUTH_SECRET || randomBytes(32).toString('hex');
  const { host, port: ownPort } = ownAddress(env);
  return {
    mode: 'embedded',
    appId: 'bandeja',
    // The key is public (it is in the WebSocket URL); an HMAC of the secret reveals nothing of it.
    key: derive(authSecret, 'key').slice(0, 20),
    secret: derive(authSecret, 'secret'),
    api: { host, port: ownPort, useTLS: false },
    // forceTLS false: pusher-js still uses wss when the page itself is https (behind a proxy).
    browser: { wsHost: null, wsPort: null, forceTLS: false, cluster: DEFAULT_CLUSTER },
    maxConnectionsPerIp: positiveInteger(env.REALTIME_MAX_CONNECTIONS_PER_IP, 'REALTIME_MAX_CONNECTIONS_PER_IP') ?? DEFAULT_MAX_CONNECTIONS_PER_IP,
  };
};

const globalForRealtime = globalThis as unknown as { bandejaRealtimeConfig?: RealtimeConfig };

// The process's one config: server.ts and the Next.js bundle share it through globalThis.
export const getRealtimeConfig = (): RealtimeConfig => (globalForRealtime.bandejaRealtimeConfig ??= resolveRealtimeConfig());
