import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_UPLOAD_BYTES, storeUpload } from '@/lib/domain/attachments/store-upload';
import { getAttachmentFile } from '@/lib/domain/attachments/get-attachment-file';
import { sendMessage } from '@/lib/domain/messages/send-message';
import { createS3Storage, s3ConfigFromEnv, type S3Config } from '@/lib/storage/s3';
import { signV4 } from '@/lib/storage/sign-v4';
import { createConfiguredStorage } from '@/lib/storage/storage';
import { useTestDatabase } from '../../helpers/db';
import { byteStream, createMessagesWorkspace, samples, streamOf } from '../../helpers/messages-factories';

const database = useTestDatabase();

// The edge of the world: a tiny S3 stand-in. It keeps objects in memory, answers path-style
// PUT/GET/DELETE, and refuses (403) any request whose Signature V4 does not verify against its
// secret or whose body does not match its x-amz-content-sha256.
const ACCESS_KEY = 'AKIDBANDEJATEST';
const SECRET = 'bandeja-test-secret/with+chars';
const objects = new Map<string, { body: Buffer; contentType: string }>();
const requests: Array<{ method: string; path: string; authorization: string }> = [];
let server: Server;
let endpoint: string;

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

const verifies = (request: IncomingMessage, body: Buffer): boolean => {
  const match = AUTHORIZATION.exec(request.headers.authorization ?? '');
  if (!match || match[1] !== ACCESS_KEY) return false;
  const payloadHash = String(request.headers['x-amz-content-sha256']);
  if (createHash('sha256').update(body).digest('hex') !== payloadHash) return false;
  const signed = match[4].split(';').filter((name) => !['host', 'x-amz-date', 'x-amz-content-sha256'].includes(name));
  const amzDate = String(request.headers['x-amz-date']);
  const now = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  const expected = signV4({
    method: request.method ?? 'GET',
    url: new URL(request.url ?? '/', `http://${request.headers.host}`),
    headers: Object.fromEntries(signed.map((name) => [name, String(request.headers[name])])),
    payloadHash,
    region: match[3],
    accessKeyId: ACCESS_KEY,
    secretAccessKey: SECRET,
    now,
  });
  return expected.authorization === request.headers.authorization;
};

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    requests.push({ method: request.method ?? '', path: request.url ?? '', authorization: request.headers.authorization ?? '' });
    if (!verifies(request, body)) {
      response.writeHead(403, { 'content-type': 'application/xml' }).end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
      return;
    }
    const key = decodeURIComponent(request.url ?? '');
    if (request.method === 'PUT') {
      if (Number(request.headers['content-length']) !== body.length) return void response.writeHead(400).end();
      objects.set(key, { body, contentType: String(request.headers['content-type']) });
      return void response.writeHead(200).end();
    }
    if (request.method === 'GET') {
      const object = objects.get(key);
      if (!object) return void response.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
      return void response.writeHead(200, { 'content-type': object.contentType, 'content-length': object.body.length }).end(object.body);
    }
    if (request.method === 'DELETE') {
      objects.delete(key);
      return void response.writeHead(204).end();
    }
    response.writeHead(405).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const config = (overrides: Partial<S3Config> = {}): S3Config => ({ endpoint, bucket: 'bandeja-files', region: 'eu-west-1', accessKeyId: ACCESS_KEY, secretAccessKey: SECRET, ...overrides });
const bytesOf = async (stream: ReadableStream<Uint8Array> | null) => (stream ? Buffer.from(await new Response(stream).arrayBuffer()) : null);
const spoolDirs = async () => (await readdir(os.tmpdir())).filter((name) => name.startsWith('bandeja-s3-'));

describe('S3 storage adapter', () => {
  it('PUTs a stream with its length and hash, GETs it back, DELETEs it (path-style, signed)', async () => {
    const storage = createS3Storage(config());
    const data = Buffer.from(Array.from({ length: 3 * 1024 * 1024 + 17 }, (_, i) => i % 251));

    await storage.put('7/2025/06/0b0e2c1a', new Blob([data]).stream(), 'application/octet-stream');

    expect(objects.get('/bandeja-files/7/2025/06/0b0e2c1a')?.body.equals(data)).toBe(true);
    expect(requests.at(-1)).toMatchObject({ method: 'PUT', path: '/bandeja-files/7/2025/06/0b0e2c1a' });
    expect(requests.at(-1)?.authorization).toMatch(AUTHORIZATION);
    expect((await bytesOf(await storage.get('7/2025/06/0b0e2c1a')))?.equals(data)).toBe(true);

    await storage.delete('7/2025/06/0b0e2c1a');
    expect(await storage.get('7/2025/06/0b0e2c1a')).toBeNull();
    // Deleting what is gone is fine.
    await storage.delete('7/2025/06/0b0e2c1a');
  });

  it('PUTs bytes given whole, and an endpoint with a path prefix', async () => {
    const storage = createS3Storage(config({ endpoint: `${endpoint}/` }));
    await storage.put('a/b', new Uint8Array([1, 2, 3]), 'image/png');
    expect(objects.get('/bandeja-files/a/b')).toEqual({ body: Buffer.from([1, 2, 3]), contentType: 'image/png' });
  });

  it('fails loudly on a refused request (wrong secret), leaving no temporary file', async () => {
    const before = await spoolDirs();
    const storage = createS3Storage(config({ secretAccessKey: 'wrong' }));

    await expect(storage.put('x/y', streamOf('hola'), 'text/plain')).rejects.toThrow(/HTTP 403/);
    await expect(storage.get('x/y')).rejects.toThrow(/HTTP 403/);
    expect(objects.has('/bandeja-files/x/y')).toBe(false);
    expect(await spoolDirs()).toEqual(before);
  });

  it('a body that fails half-way is never uploaded', async () => {
    const storage = createS3Storage(config());
    const failing = new ReadableStream<Uint8Array>({
      start: (controller) => {
        controller.enqueue(new Uint8Array(1000));
        controller.error(new Error('client went away'));
      },
    });
    const count = requests.length;

    await expect(storage.put('broken/1', failing, 'application/octet-stream')).rejects.toThrow('client went away');
    expect(requests.length).toBe(count);
  });

  it('is what getStorage() uses when S3_BUCKET is set; S3 settings are read from the environment', async () => {
    expect(s3ConfigFromEnv({})).toBeNull();
    expect(() => s3ConfigFromEnv({ S3_BUCKET: 'b' })).toThrow(/S3_ACCESS_KEY_ID/);
    expect(s3ConfigFromEnv({ S3_BUCKET: 'b', S3_REGION: 'eu-south-2', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' })).toEqual({
      endpoint: 'https://s3.eu-south-2.amazonaws.com',
      bucket: 'b',
      region: 'eu-south-2',
      accessKeyId: 'k',
      secretAccessKey: 's',
    });

    vi.stubEnv('S3_ENDPOINT', endpoint);
    vi.stubEnv('S3_BUCKET', 'from-env');
    vi.stubEnv('S3_REGION', 'us-east-1');
    vi.stubEnv('S3_ACCESS_KEY_ID', ACCESS_KEY);
    vi.stubEnv('S3_SECRET_ACCESS_KEY', SECRET);
    try {
      await createConfiguredStorage().put('k/1', new Uint8Array([9]), 'application/octet-stream');
    } finally {
      vi.unstubAllEnvs();
    }
    expect(objects.get('/from-env/k/1')?.body).toEqual(Buffer.from([9]));
  });
});

describe('uploads through the S3 adapter', () => {
  it('stores, serves and refuses exactly as on disk: 50 MB + 1 byte leaves nothing in the bucket', async () => {
    const { db } = database();
    const workspace = await createMessagesWorkspace(db);
    const ctx = { ...workspace.ctx, storage: createS3Storage(config({ bucket: 'uploads' })) };
    const open = await workspace.conversation();
    const inBucket = () => [...objects.keys()].filter((key) => key.startsWith('/uploads/'));

    const photo = await storeUpload(ctx, { conversationId: open.id, fileName: 'foto.png', stream: streamOf(samples.png) });
    await sendMessage(ctx, { conversationId: open.id, content: '', attachmentIds: [photo.id] });
    const served = await getAttachmentFile(ctx, { attachmentId: photo.id });
    expect((await bytesOf(served.body))?.equals(Buffer.from(samples.png))).toBe(true);
    expect(inBucket()).toHaveLength(1);

    await expect(storeUpload(ctx, { conversationId: open.id, fileName: 'big.pdf', stream: byteStream(MAX_UPLOAD_BYTES + 1, samples.pdf) })).rejects.toMatchObject({ code: 'TOO_LARGE' });
    await expect(storeUpload(ctx, { conversationId: open.id, fileName: 'factura.pdf', stream: streamOf(samples.exe) })).rejects.toMatchObject({ code: 'UNSUPPORTED_TYPE' });
    expect(inBucket()).toHaveLength(1);
  }, 60_000);
});
