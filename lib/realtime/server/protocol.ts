import { randomInt } from 'node:crypto';

// The Pusher Channels WebSocket protocol, version 7, as pusher-js speaks it: every frame is a JSON
// object `{ event, channel?, data }`. Server → client `data` is a JSON string for channel events and
// `pusher_internal:*`, an object for `pusher:error` (pusher-js accepts both).
export const PROTOCOL_VERSION = 7;
// pusher-js 4+ speaks 7; older clients that speak 5 or 6 understand the same frames.
export const SUPPORTED_PROTOCOLS = new Set([5, 6, 7]);

// Pusher's limits: a message (client event or HTTP trigger) carries at most 10 KB of data, a trigger
// names at most 100 channels, a batch holds at most 10 events, names are at most 200 characters.
export const MAX_DATA_BYTES = 10 * 1024;
export const MAX_TRIGGER_CHANNELS = 100;
export const MAX_BATCH_EVENTS = 10;
export const MAX_EVENT_NAME_LENGTH = 200;
const MAX_CHANNEL_NAME_LENGTH = 164;
const CHANNEL_NAME = /^[A-Za-z0-9_\-=@,.;]+$/;

// Close codes (pusher-js reacts by range): 4000-4099 do not reconnect, 4100-4199 reconnect after a
// back-off, 4200-4299 reconnect at once.
export const CloseCode = {
  applicationDoesNotExist: 4001,
  unsupportedProtocol: 4007,
  // Pusher's and Soketi's code for a user signed out by the app (terminate_connections, a failed
  // pusher:signin): pusher-js does not reconnect by itself (lib/realtime/reconnect-when-terminated.ts does).
  unauthorized: 4009,
  overCapacity: 4100,
  closedByServer: 4200,
  pongNotReceived: 4201,
} as const;

export type ClientFrame = { event: string; channel?: string; data?: unknown };
export type ChannelKind = 'public' | 'private' | 'presence';

export const channelKind = (channel: string): ChannelKind =>
  channel.startsWith('presence-') ? 'presence' : channel.startsWith('private-') ? 'private' : 'public';

export const isValidChannelName = (channel: unknown): channel is string =>
  typeof channel === 'string' && channel.length > 0 && channel.length <= MAX_CHANNEL_NAME_LENGTH && CHANNEL_NAME.test(channel);

// "1234.5678": two random integers, the format pusher-js and the SDKs check for.
export const newSocketId = (): string => `${randomInt(1, 2 ** 47)}.${randomInt(1, 2 ** 47)}`;

export const isSocketId = (value: unknown): value is string => typeof value === 'string' && /^\d+\.\d+$/.test(value);

export const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');

// A frame from the client, or null for anything that is not a JSON object with a string `event`.
export const parseClientFrame = (raw: string): ClientFrame | null => {
  try {
    const frame: unknown = JSON.parse(raw);
    if (!frame || typeof frame !== 'object' || typeof (frame as ClientFrame).event !== 'string') return null;
    return frame as ClientFrame;
  } catch {
    return null;
  }
};

// pusher-js sends subscribe/unsubscribe data as an object; some clients send it JSON-encoded.
export const frameData = (frame: ClientFrame): Record<string, unknown> => {
  const { data } = frame;
  if (typeof data === 'string') {
    try {
      const parsed: unknown = JSON.parse(data);
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
};

// Server → client frames, serialised once (a broadcast sends the same string to every socket).
export const encode = {
  connectionEstablished: (socketId: string, activityTimeoutSeconds: number) =>
    JSON.stringify({ event: 'pusher:connection_established', data: JSON.stringify({ socket_id: socketId, activity_timeout: activityTimeoutSeconds }) }),
  error: (message: string, code: number | null = null) => JSON.stringify({ event: 'pusher:error', data: { code, message } }),
  ping: () => JSON.stringify({ event: 'pusher:ping', data: {} }),
  pong: () => JSON.stringify({ event: 'pusher:pong', data: {} }),
  subscriptionSucceeded: (channel: string, data: unknown = {}) =>
    JSON.stringify({ event: 'pusher_internal:subscription_succeeded', channel, data: JSON.stringify(data) }),
  // Soketi's shape; pusher-js hands it to the channel's `pusher:subscription_error` binders.
  subscriptionError: (channel: string, error: string, status = 401) =>
    JSON.stringify({ event: 'pusher:subscription_error', channel, data: { type: 'AuthError', error, status } }),
  memberAdded: (channel: string, userId: string, userInfo: unknown) =>
    JSON.stringify({ event: 'pusher_internal:member_added', channel, data: JSON.stringify({ user_id: userId, user_info: userInfo }) }),
  memberRemoved: (channel: string, userId: string) =>
    JSON.stringify({ event: 'pusher_internal:member_removed', channel, data: JSON.stringify({ user_id: userId }) }),
  signinSuccess: (userData: string) => JSON.stringify({ event: 'pusher:signin_success', data: JSON.stringify({ user_data: userData }) }),
  // `data` is passed through as the publisher sent it (the HTTP API carries it as a string already).
  channelEvent: (channel: string, event: string, data: unknown, userId?: string) =>
    JSON.stringify(userId === undefined ? { event, channel, data } : { event, channel, data, user_id: userId }),
};
