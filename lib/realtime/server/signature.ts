import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

// HMAC-SHA256 in lower-case hex: the signature of channel auth strings and HTTP API requests.
export const hmacHex = (secret: string, text: string): string => createHmac('sha256', secret).update(text).digest('hex');

export const md5Hex = (text: string | Buffer): string => createHash('md5').update(text).digest('hex');

// Constant-time string comparison (a length mismatch is a mismatch, never a throw).
export const safeEqual = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

// What the app's channel auth endpoint signs (and pusher.authorizeChannel computes):
// `socket_id:channel` for private channels, `socket_id:channel:channel_data` for presence ones.
export const channelAuthString = (socketId: string, channel: string, channelData?: string): string =>
  channelData === undefined ? `${socketId}:${channel}` : `${socketId}:${channel}:${channelData}`;

// `key:signature`, the `auth` value pusher-js sends with pusher:subscribe.
export const signChannel = (app: { key: string; secret: string }, socketId: string, channel: string, channelData?: string): string =>
  `${app.key}:${hmacHex(app.secret, channelAuthString(socketId, channel, channelData))}`;

export const verifyChannelAuth = (
  app: { key: string; secret: string },
  auth: unknown,
  socketId: string,
  channel: string,
  channelData?: string,
): boolean => typeof auth === 'string' && safeEqual(auth, signChannel(app, socketId, channel, channelData));

// pusher:signin (user authentication): `key:HMAC(socket_id::user::user_data)`, what the app's user
// auth endpoint (pusher.authenticateUser) returns.
export const verifyUserAuth = (app: { key: string; secret: string }, auth: unknown, socketId: string, userData: string): boolean =>
  typeof auth === 'string' && safeEqual(auth, `${app.key}:${hmacHex(app.secret, `${socketId}::user::${userData}`)}`);

export type ApiSignatureFailure = 'missing' | 'wrong-key' | 'wrong-version' | 'stale-timestamp' | 'wrong-body-md5' | 'wrong-signature';

// The HTTP API's request signing (auth_version 1.0): the string signed is
// `METHOD\npath\nk1=v1&k2=v2…` over every query parameter but auth_signature, keys lower-cased and
// sorted, values as they are; body_md5 is the MD5 of the body; the timestamp may be 600 s off.
export const verifyApiRequest = (
  app: { key: string; secret: string },
  request: { method: string; path: string; query: URLSearchParams; body: Buffer; nowSeconds: number; maxSkewSeconds?: number },
): ApiSignatureFailure | null => {
  const params = new Map<string, string>();
  for (const [name, value] of request.query) params.set(name.toLowerCase(), value);
  const signature = params.get('auth_signature');
  const timestamp = Number(params.get('auth_timestamp'));
  if (!signature || !params.get('auth_key') || !Number.isFinite(timestamp)) return 'missing';
  if (!safeEqual(params.get('auth_key') ?? '', app.key)) return 'wrong-key';
  if (params.get('auth_version') !== '1.0') return 'wrong-version';
  if (Math.abs(request.nowSeconds - timestamp) > (request.maxSkewSeconds ?? 600)) return 'stale-timestamp';
  if (request.body.length > 0 && !safeEqual(params.get('body_md5') ?? '', md5Hex(request.body))) return 'wrong-body-md5';
  params.delete('auth_signature');
  const query = [...params.keys()]
    .sort()
    .map((name) => `${name}=${params.get(name)}`)
    .join('&');
  const expected = hmacHex(app.secret, `${request.method.toUpperCase()}\n${request.path}\n${query}`);
  return safeEqual(signature, expected) ? null : 'wrong-signature';
};
