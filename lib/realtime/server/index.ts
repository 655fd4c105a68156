import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { createChannelRegistry } from './channels';
import { handleConnection } from './connection';
import { handleApiRequest } from './http-api';
import { trustProxy } from '@/lib/auth/trust-proxy';
import { CloseCode, encode } from './protocol';

export type RealtimeServerOptions = {
  appId: string;
  key: string;
  secret: string;
  // Pusher's defaults: ping an idle client after 120 s, close it 30 s later without an answer.
  activityTimeoutMs?: number;
  pongTimeoutMs?: number;
  clientEventsPerSecond?: number;
  // At most this many open WebSockets per client address (unlimited when not given); one more is
  // closed at once with 4100 "Over capacity" (pusher-js retries after a back-off).
  maxConnectionsPerIp?: number;
  // The app's workers relay browsers' sockets here (lib/http/workers.ts): the first X-Forwarded-For
  // entry, which the relay sets, is the client's address.
  behindRelay?: boolean;
};

export type RealtimeServer = ReturnType<typeof createRealtimeServer>;

const WEBSOCKET_PATH = /^\/app\/([^/?]+)/;
export const isRealtimeUpgrade = (url: string | undefined): boolean => WEBSOCKET_PATH.test(url ?? '');

// A malformed escape in the key is a key that does not exist, not an exception.
const decodeKey = (raw: string): string => {
  try {
    return decodeURIComponent(raw);
  } catch {
    return '';
  }
};
const API_PATH = /^\/apps\//;
export const isRealtimeApiRequest = (url: string | undefined): boolean => API_PATH.test(url ?? '');

// The client's address for the per-address limit: the socket's, or with TRUST_PROXY=true (or behind
// the workers' relay) the first X-Forwarded-For entry (upgrades do not pass through server.ts's
// request handler, which rewrites it).
export const clientAddress = (request: IncomingMessage, trustForwardedFor = trustProxy()): string => {
  const forwarded = trustForwardedFor ? String(request.headers['x-forwarded-for'] ?? '').split(',')[0]?.trim() : '';
  return forwarded || request.socket.remoteAddress || 'unknown';
};

// An embedded Pusher Channels (protocol 7) server: pusher-js connects to ws(s)://host/app/{key},
// the `pusher` SDK posts to /apps/{app_id}/events. It attaches to an existing HTTP server (the app's,
// so realtime shares its origin and port): the caller routes upgrades and requests through
// handleUpgrade/handleRequest, which return false for anything that is not theirs.
export const createRealtimeServer = (options: RealtimeServerOptions) => {
  const registry = createChannelRegistry();
  const connection = {
    key: options.key,
    secret: options.secret,
    activityTimeoutMs: options.activityTimeoutMs ?? 120_000,
    pongTimeoutMs: options.pongTimeoutMs ?? 30_000,
    clientEventsPerSecond: options.clientEventsPerSecond ?? 10,
  };
  // No compression: frames are small, and deflate per socket costs more CPU than it saves.
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 64 * 1024 });
  const sockets = new Set<WebSocket>();
  const perIp = new Map<string, number>();
  const maxPerIp = options.maxConnectionsPerIp ?? Number.POSITIVE_INFINITY;

  return {
    handleUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer): boolean => {
      const match = WEBSOCKET_PATH.exec(request.url ?? '');
      if (!match) return false;
      const ip = clientAddress(request, options.behindRelay || trustProxy());
      wss.handleUpgrade(request, socket, head, (ws) => {
        const open = perIp.get(ip) ?? 0;
        if (open >= maxPerIp) {
          ws.send(encode.error('Over capacity: too many connections from this address', CloseCode.overCapacity));
          ws.close(CloseCode.overCapacity, 'Over capacity');
          return;
        }
        perIp.set(ip, open + 1);
        sockets.add(ws);
        ws.on('close', () => {
          sockets.delete(ws);
          const left = (perIp.get(ip) ?? 1) - 1;
          if (left > 0) perIp.set(ip, left);
          else perIp.delete(ip);
        });
        handleConnection(ws, request, decodeKey(match[1]), registry, connection);
      });
      return true;
    },

    handleRequest: (request: IncomingMessage, response: ServerResponse): boolean => {
      if (!API_PATH.test(request.url ?? '')) return false;
      void handleApiRequest(request, response, options, registry);
      return true;
    },

    // Closes every socket with 4200 (pusher-js reconnects at once, e.g. to the restarted process).
    close: async (): Promise<void> => {
      for (const ws of sockets) ws.close(CloseCode.closedByServer, 'Server shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
};

// The realtime server on an HTTP server of its own (tests, the benchmark): same handlers, no app.
export const listenRealtimeServer = async (options: RealtimeServerOptions & { port?: number; host?: string }) => {
  const realtime = createRealtimeServer(options);
  const server = createServer((request, response) => {
    if (!realtime.handleRequest(request, response)) response.writeHead(404).end();
  });
  server.on('upgrade', (request, socket, head) => {
    if (!realtime.handleUpgrade(request, socket, head)) socket.destroy();
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    realtime,
    host,
    port,
    close: async () => {
      await realtime.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
