import type { IncomingMessage } from 'node:http';
import { WebSocket } from 'ws';
import type { ChannelRegistry } from './channels';
import {
  byteLength,
  channelKind,
  CloseCode,
  encode,
  frameData,
  isValidChannelName,
  MAX_DATA_BYTES,
  MAX_EVENT_NAME_LENGTH,
  newSocketId,
  parseClientFrame,
  SUPPORTED_PROTOCOLS,
  type ClientFrame,
} from './protocol';
import { verifyChannelAuth, verifyUserAuth } from './signature';

export type ConnectionOptions = {
  key: string;
  secret: string;
  // Silence from a client for this long makes the server ping it; pusher-js pings first when it is
  // idle for the advertised activity_timeout (seconds, rounded up), so a healthy client never waits.
  activityTimeoutMs: number;
  // After the server's ping, this long without any frame closes the socket (4201: reconnect at once).
  pongTimeoutMs: number;
  // Pusher's limit: 10 client events per second per connection.
  clientEventsPerSecond: number;
};

// A socket whose unsent frames pile up beyond this is a consumer that cannot keep up: it is closed
// (4100: pusher-js reconnects after a back-off and re-reads) rather than buffering without bound.
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

// One WebSocket from connection_established to close: its subscriptions (channel → presence user
// id) and its liveness timers. Everything it learns from the client is checked here.
export const handleConnection = (ws: WebSocket, request: IncomingMessage, key: string, registry: ChannelRegistry, options: ConnectionOptions) => {
  const send = (frame: string | Buffer) => {
    if (ws.readyState !== WebSocket.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      ws.close(CloseCode.overCapacity, 'Client too slow');
      return;
    }
    // A text frame even when the payload is a Buffer (pusher-js expects text).
    ws.send(frame, { binary: false });
  };
  const refuse = (message: string, code: number) => {
    send(encode.error(message, code));
    ws.close(code, message);
  };

  const url = new URL(request.url ?? '/', 'http://localhost');
  if (key !== options.key) return refuse(`Application does not exist: ${key}`, CloseCode.applicationDoesNotExist);
  const protocol = Number(url.searchParams.get('protocol') ?? 7);
  if (!SUPPORTED_PROTOCOLS.has(protocol)) return refuse(`Unsupported protocol version: ${protocol}`, CloseCode.unsupportedProtocol);

  const socketId = newSocketId();
  const subscriber = { socketId, send };
  const subscriptions = new Map<string, string | undefined>();
  let clientEventWindow = { second: 0, count: 0 };
  // The user this socket signed in as (pusher:signin), whose termination ends it.
  let signedInAs: string | undefined;

  let pongTimer: NodeJS.Timeout | undefined;
  const idleTimer = setTimeout(() => {
    send(encode.ping());
    pongTimer = setTimeout(() => refuse('Pong reply not received in time', CloseCode.pongNotReceived), options.pongTimeoutMs);
  }, options.activityTimeoutMs);
  const heardFromClient = () => {
    clearTimeout(pongTimer);
    idleTimer.refresh();
  };

  const subscriptionError = (channel: string, error: string, status = 401) => send(encode.subscriptionError(channel, error, status));

  const subscribe = (frame: ClientFrame) => {
    const data = frameData(frame);
    const channel = data.channel;
    // pusher-js subscribes to its own user channel after signing in; nobody else may.
    if (signedInAs !== undefined && channel === `#server-to-user-${signedInAs}`) {
      registry.subscribe(channel, subscriber);
      subscriptions.set(channel, undefined);
      return send(encode.subscriptionSucceeded(channel));
    }
    if (!isValidChannelName(channel)) return subscriptionError(String(channel ?? ''), 'Invalid channel name', 400);
    const kind = channelKind(channel);
    // A second subscribe on the same socket is answered again, with no second member_added.
    if (subscriptions.has(channel)) {
      return send(encode.subscriptionSucceeded(channel, kind === 'presence' ? { presence: registry.presenceSnapshot(channel) } : {}));
    }
    if (kind === 'public') {
      registry.subscribe(channel, subscriber);
      subscriptions.set(channel, undefined);
      return send(encode.subscriptionSucceeded(channel));
    }
    const channelData = kind === 'presence' ? data.channel_data : undefined;
    if (kind === 'presence' && typeof channelData !== 'string') return subscriptionError(channel, 'Presence channels need channel_data');
    if (!verifyChannelAuth(options, data.auth, socketId, channel, channelData as string | undefined)) {
      return subscriptionError(channel, 'Invalid signature');
    }
    if (kind === 'private') {
      registry.subscribe(channel, subscriber);
      subscriptions.set(channel, undefined);
      return send(encode.subscriptionSucceeded(channel));
    }
    let member: { user_id?: unknown; user_info?: unknown };
    try {
      member = JSON.parse(channelData as string) as typeof member;
    } catch {
      return subscriptionError(channel, 'Invalid channel_data', 400);
    }
    if (typeof member?.user_id !== 'string' && typeof member?.user_id !== 'number') return subscriptionError(channel, 'channel_data needs a user_id', 400);
    const userId = String(member.user_id);
    const info = member.user_info ?? null;
    const { joined } = registry.subscribe(channel, subscriber, { userId, info });
    subscriptions.set(channel, userId);
    send(encode.subscriptionSucceeded(channel, { presence: registry.presenceSnapshot(channel) }));
    if (joined) registry.broadcast(channel, encode.memberAdded(channel, userId, info), socketId);
  };

  const unsubscribe = (channel: string) => {
    if (!subscriptions.has(channel)) return;
    const { left } = registry.unsubscribe(channel, socketId, subscriptions.get(channel));
    subscriptions.delete(channel);
    if (left !== undefined) registry.broadcast(channel, encode.memberRemoved(channel, left));
  };

  // client-* events: only on private and presence channels the socket is subscribed to, at most
  // 10 KB and 10 per second; delivered to everyone else on the channel, never echoed to the sender.
  const clientEvent = (frame: ClientFrame) => {
    const { channel, event } = frame;
    if (typeof channel !== 'string' || !subscriptions.has(channel)) return send(encode.error(`Client event rejected - not subscribed to channel ${String(channel)}`));
    if (channelKind(channel) === 'public') return send(encode.error('Client event rejected - only supported on private and presence channels'));
    if (event.length > MAX_EVENT_NAME_LENGTH) return send(encode.error('Client event rejected - event name too long'));
    if (byteLength(JSON.stringify(frame.data ?? null)) > MAX_DATA_BYTES) return send(encode.error('Client event rejected - data over 10 KB'));
    const second = Math.floor(Date.now() / 1000);
    clientEventWindow = clientEventWindow.second === second ? { second, count: clientEventWindow.count + 1 } : { second, count: 1 };
    if (clientEventWindow.count > options.clientEventsPerSecond) return send(encode.error('Client event rejected due to rate limit', 4301));
    registry.broadcast(channel, encode.channelEvent(channel, event, frame.data, subscriptions.get(channel)), socketId);
  };

  // Ends the socket as Pusher ends a user's connections: an error frame, then close 4009.
  const terminate = () => refuse('You got disconnected by the app', CloseCode.unauthorized);

  // pusher:signin (user authentication): the app's user auth endpoint signed `user_data` (a JSON
  // object with a string `id`) for this socket. A bad signature ends the connection, as Pusher does.
  const signIn = (frame: ClientFrame) => {
    const { auth, user_data: userData } = frameData(frame);
    if (typeof userData !== 'string' || !verifyUserAuth(options, auth, socketId, userData)) return refuse('Invalid signature', CloseCode.unauthorized);
    let id: unknown;
    try {
      id = (JSON.parse(userData) as { id?: unknown } | null)?.id;
    } catch {
      id = undefined;
    }
    if (typeof id !== 'string' || id === '') return refuse('user_data needs an id', CloseCode.unauthorized);
    if (signedInAs !== undefined) registry.signOut(signedInAs, socketId);
    signedInAs = id;
    registry.signIn(id, socketId, terminate);
    send(encode.signinSuccess(userData));
  };

  const handleFrame = (frame: ClientFrame) => {
    if (frame.event === 'pusher:ping') return send(encode.pong());
    if (frame.event === 'pusher:pong') return;
    if (frame.event === 'pusher:subscribe') return subscribe(frame);
    if (frame.event === 'pusher:unsubscribe') {
      const channel = frameData(frame).channel;
      return typeof channel === 'string' ? unsubscribe(channel) : undefined;
    }
    if (frame.event.startsWith('client-')) return clientEvent(frame);
    if (frame.event === 'pusher:signin') return signIn(frame);
    send(encode.error(`Unsupported event received on socket ${frame.event}`));
  };

  ws.on('message', (raw, isBinary) => {
    heardFromClient();
    const frame = isBinary ? null : parseClientFrame(raw.toString());
    if (!frame) return send(encode.error('Invalid message: expected a JSON object with an event'));
    // This runs in the app's process: whatever a client sends must never become an uncaught exception.
    try {
      handleFrame(frame);
    } catch (error) {
      console.error('realtime: a client frame failed', error);
      send(encode.error('Internal error'));
    }
  });
  ws.on('pong', heardFromClient);
  ws.on('error', () => ws.terminate());
  ws.on('close', () => {
    clearTimeout(idleTimer);
    clearTimeout(pongTimer);
    for (const channel of [...subscriptions.keys()]) unsubscribe(channel);
    if (signedInAs !== undefined) registry.signOut(signedInAs, socketId);
  });

  send(encode.connectionEstablished(socketId, Math.ceil(options.activityTimeoutMs / 1000)));
};
