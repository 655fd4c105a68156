import { createECDH, createPublicKey, randomBytes, verify, type ECDH } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decrypt } from 'http_ece';

// A local stand-in for a browser's push service (the edge of the world; Chrome's is FCM): it accepts
// POST /push/<device>, checks what a real one checks (the VAPID JWT signed by the server's key, for
// this origin, not expired) and, holding the device's private key like the browser does, decrypts
// the aes128gcm payload with web-push's own library (http_ece) and node:crypto ECDH.

export type ReceivedPush = {
  device: string;
  headers: IncomingHttpHeaders;
  // The VAPID claims and the key it was signed with (k=).
  claims: { aud: string; exp: number; sub: string };
  vapidPublicKey: string;
  payload: Record<string, unknown>;
  // The decrypted bytes as text, exactly what the browser hands its service worker.
  plaintext: string;
};

export type TestDevice = {
  name: string;
  ecdh: ECDH;
  // What the browser's PushSubscription.toJSON() gives.
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
};

const b64urlJson = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

// Verifies `vapid t=<jwt>, k=<public key>` (RFC 8292): ES256 over header.claims with the P-256 key k.
export const verifyVapid = (authorization: string | undefined): { claims: ReceivedPush['claims']; key: string } => {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
  if (!match) throw new Error(`no VAPID authorization: ${authorization}`);
  const [, jwt, key] = match;
  const [header, claims, signature] = jwt.split('.');
  if (b64urlJson(header).alg !== 'ES256') throw new Error('VAPID JWT is not ES256');
  const point = Buffer.from(key, 'base64url');
  const publicKey = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33, 65).toString('base64url') },
    format: 'jwk',
  });
  const valid = verify('sha256', Buffer.from(`${header}.${claims}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
  if (!valid) throw new Error('VAPID JWT signature does not verify');
  return { claims: b64urlJson(claims) as ReceivedPush['claims'], key };
};

export type TestPushService = {
  origin: string;
  received: ReceivedPush[];
  // The next answers (status codes), then 201.
  answerWith: (...statuses: number[]) => void;
  device: (name: string) => TestDevice;
  // Resolves when `count` pushes have been received in all.
  waitFor: (count: number, timeoutMs?: number) => Promise<ReceivedPush[]>;
  close: () => Promise<void>;
};

export const startTestPushService = async (): Promise<TestPushService> => {
  const devices = new Map<string, TestDevice>();
  const received: ReceivedPush[] = [];
  const answers: number[] = [];
  const waiters: Array<() => void> = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const status = answers.shift() ?? 201;
      try {
        const device = devices.get(decodeURIComponent((request.url ?? '').replace(/^\/push\//, '')));
        if (request.method !== 'POST' || !device) throw new Error(`unknown device ${request.url}`);
        const { claims, key } = verifyVapid(request.headers.authorization);
        if (claims.aud !== origin) throw new Error(`VAPID aud ${claims.aud} is not ${origin}`);
        if (request.headers['content-encoding'] !== 'aes128gcm') throw new Error('payload not aes128gcm');
        const plain = decrypt(Buffer.concat(chunks), { version: 'aes128gcm', privateKey: device.ecdh, authSecret: device.subscription.keys.auth });
        if (status < 300) {
          received.push({ device: device.name, headers: request.headers, claims, vapidPublicKey: key, payload: JSON.parse(plain.toString('utf8')) as Record<string, unknown>, plaintext: plain.toString('utf8') });
          waiters.splice(0).forEach((wake) => wake());
        }
        response.writeHead(status).end();
      } catch (error) {
        response.writeHead(400).end(String(error));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    answerWith: (...statuses) => answers.push(...statuses),
    device: (name) => {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const device: TestDevice = {
        name,
        ecdh,
        subscription: {
          endpoint: `${origin}/push/${encodeURIComponent(name)}`,
          keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') },
        },
      };
      devices.set(name, device);
      return device;
    },
    waitFor: async (count, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} pushes, got ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
