import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';
import { clientAddress, isRealtimeApiRequest, isRealtimeUpgrade } from './index';

// With several app workers (WEB_CONCURRENCY, lib/http/workers.ts) the embedded realtime server runs
// once, in the primary process, on a loopback port of its own: every browser must reach the same
// channel registry whichever worker accepted its connection. A worker hands it what is realtime's on
// the app's port (pusher-js's WebSocket on /app/{key}, the events API on /apps/...), with the
// client's address in X-Forwarded-For for the per-address limit. Same handlers as the server itself.

// The upgrade request as it came, X-Forwarded-For replaced by the client's address.
const requestHead = (request: IncomingMessage, address: string): string => {
  const lines = [`${request.method} ${request.url} HTTP/1.1`];
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    if (request.rawHeaders[i]!.toLowerCase() !== 'x-forwarded-for') lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
  }
  lines.push(`X-Forwarded-For: ${address}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
};

export const createRealtimeRelay = (port: number, host = '127.0.0.1') => ({
  handleUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer): boolean => {
    if (!isRealtimeUpgrade(request.url)) return false;
    const upstream = connect({ port, host, noDelay: true });
    // An error ends both at once; a side that closes ends the other after what it still has to send
    // (a close frame, 4100 or 4200, reaches the browser).
    const fail = () => {
      socket.destroy();
      upstream.destroy();
    };
    upstream.on('error', fail);
    socket.on('error', fail);
    upstream.on('close', () => socket.end());
    socket.on('close', () => upstream.end());
    upstream.write(requestHead(request, clientAddress(request)));
    if (head.length > 0) upstream.write(head);
    socket.pipe(upstream);
    upstream.pipe(socket);
    return true;
  },

  handleRequest: (request: IncomingMessage, response: ServerResponse): boolean => {
    if (!isRealtimeApiRequest(request.url)) return false;
    const headers = { ...request.headers, 'x-forwarded-for': clientAddress(request) };
    const upstream = httpRequest({ host, port, method: request.method, path: request.url, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => {
      if (response.headersSent) response.destroy();
      else response.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'realtime unavailable' }));
    });
    // A client that goes away ends the relayed request too.
    response.on('close', () => {
      if (!response.writableFinished) upstream.destroy();
    });
    request.pipe(upstream);
    return true;
  },

  // The sockets belong to the primary, which closes them when it stops.
  close: async (): Promise<void> => {},
});
