import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChannelRegistry } from './channels';
import { byteLength, encode, isSocketId, isValidChannelName, MAX_BATCH_EVENTS, MAX_DATA_BYTES, MAX_EVENT_NAME_LENGTH, MAX_TRIGGER_CHANNELS } from './protocol';
import { verifyApiRequest } from './signature';

// A batch of 10 events of 10 KB each, plus names and channel lists, fits well under this.
const MAX_BODY_BYTES = 512 * 1024;

export type ApiApp = { appId: string; key: string; secret: string };

type Trigger = { name: string; data: string; channels: string[]; socketId?: string };

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const readBody = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
};

// One event as the HTTP API describes it: `{ name, data, channels | channel, socket_id? }`. `data`
// is a string (the SDKs JSON-encode objects); an object is accepted and encoded here.
const parseTrigger = (value: unknown): Trigger => {
  if (!value || typeof value !== 'object') throw new ApiError(400, 'Expected an event object');
  const event = value as Record<string, unknown>;
  const { name, socket_id: socketId } = event;
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_EVENT_NAME_LENGTH) throw new ApiError(400, 'Event name missing or too long');
  const data = typeof event.data === 'string' ? event.data : JSON.stringify(event.data ?? null);
  if (byteLength(data) > MAX_DATA_BYTES) throw new ApiError(413, 'Event data over 10 KB');
  const channels = Array.isArray(event.channels) ? event.channels : event.channel !== undefined ? [event.channel] : [];
  if (channels.length === 0 || channels.length > MAX_TRIGGER_CHANNELS) throw new ApiError(400, `Between 1 and ${MAX_TRIGGER_CHANNELS} channels`);
  if (!channels.every(isValidChannelName)) throw new ApiError(400, 'Invalid channel name');
  if (socketId !== undefined && !isSocketId(socketId)) throw new ApiError(400, 'Invalid socket_id');
  return { name, data, channels, socketId };
};

const deliver = (registry: ChannelRegistry, { name, data, channels, socketId }: Trigger) => {
  for (const channel of new Set(channels)) registry.broadcast(channel, encode.channelEvent(channel, name, data), socketId);
};

const answer = (response: ServerResponse, status: number, body: unknown) => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json', 'Cache-Control': 'no-store' });
  response.end(text);
};

const ROUTE = /^\/apps\/([^/]+)\/(events|batch_events|users\/([^/]{1,200})\/terminate_connections)$/;

// The HTTP events API that the `pusher` SDK calls: POST /apps/{app_id}/events (one event, up to
// 100 channels), POST /apps/{app_id}/batch_events (up to 10 events) and POST
// /apps/{app_id}/users/{user_id}/terminate_connections (ends the sockets signed in as that user). Signed requests only: a
// wrong key, signature, body MD5 or a timestamp more than 600 s off is 401, as Pusher answers.
export const handleApiRequest = async (request: IncomingMessage, response: ServerResponse, app: ApiApp, registry: ChannelRegistry): Promise<void> => {
  try {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = ROUTE.exec(url.pathname);
    if (!route || route[1] !== app.appId) throw new ApiError(404, 'Not found');
    if (request.method !== 'POST') throw new ApiError(405, 'Method not allowed');
    const body = await readBody(request);
    const failure = verifyApiRequest(app, {
      method: 'POST',
      path: url.pathname,
      query: url.searchParams,
      body,
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    if (failure === 'stale-timestamp') throw new ApiError(401, 'Timestamp expired: more than 600 s from the server time');
    if (failure) throw new ApiError(401, `Invalid signature (${failure})`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new ApiError(400, 'Body is not JSON');
    }
    if (route[3] !== undefined) {
      let userId: string;
      try {
        userId = decodeURIComponent(route[3]);
      } catch {
        throw new ApiError(400, 'Invalid user id');
      }
      registry.terminateUser(userId);
      return answer(response, 200, {});
    }
    if (route[2] === 'events') {
      deliver(registry, parseTrigger(parsed));
      return answer(response, 200, {});
    }
    const batch = (parsed as { batch?: unknown } | null)?.batch;
    if (!Array.isArray(batch) || batch.length === 0 || batch.length > MAX_BATCH_EVENTS) throw new ApiError(400, `A batch holds 1 to ${MAX_BATCH_EVENTS} events`);
    // Every event is checked before any is delivered: a bad batch delivers nothing.
    const triggers = batch.map((event) => parseTrigger({ ...(event as object), channels: undefined }));
    triggers.forEach((trigger) => deliver(registry, trigger));
    return answer(response, 200, { batch: triggers.map(() => ({})) });
  } catch (error) {
    if (error instanceof ApiError) return answer(response, error.status, error.message);
    console.error('realtime: HTTP API request failed', error);
    return answer(response, 500, 'Internal error');
  }
};
