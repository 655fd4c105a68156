import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import type { Storage } from '@/lib/domain/context';
import { EMPTY_SHA256, sha256Hex, signV4, uriEncode } from './sign-v4';

export type S3Config = {
  // e.g. https://s3.eu-west-1.amazonaws.com, http://127.0.0.1:9000 (MinIO), https://<id>.r2.cloudflarestorage.com
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
};

// The bucket configured by S3_* variables, or null when S3_BUCKET is unset (files then go to disk).
export const s3ConfigFromEnv = (env: Record<string, string | undefined> = process.env): S3Config | null => {
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) return null;
  const region = env.S3_REGION?.trim() || 'us-east-1';
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim();
  // Failing at start-up beats storing files nowhere: a half-configured bucket is a mistake.
  if (!accessKeyId || !secretAccessKey) throw new Error('S3_BUCKET is set: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required too');
  return { endpoint: env.S3_ENDPOINT?.trim() || `https://s3.${region}.amazonaws.com`, bucket, region, accessKeyId, secretAccessKey };
};

type Body = { stream: () => Readable; length: number; sha256: string };

const readAll = async (response: IncomingMessage, limit = 4096): Promise<string> => {
  let text = '';
  for await (const chunk of response) if (text.length < limit) text += String(chunk);
  return text.slice(0, limit);
};

// A web stream written to a temporary file while hashed and counted: S3's PUT needs the length
// (and the signature the hash) before the first byte is sent. The caller removes the folder.
const spool = async (data: ReadableStream<Uint8Array>, dir: string): Promise<Body> => {
  const file = path.join(dir, 'body');
  const hash = createHash('sha256');
  let length = 0;
  await pipeline(
    Readable.fromWeb(data as NodeWebReadableStream<Uint8Array>),
    async function* (chunks: AsyncIterable<Uint8Array>) {
      for await (const chunk of chunks) {
        hash.update(chunk);
        length += chunk.length;
        yield chunk;
      }
    },
    createWriteStream(file),
  );
  return { stream: () => createReadStream(file), length, sha256: hash.digest('hex') };
};

// Attachment files in an S3-compatible bucket, path-style (`<endpoint>/<bucket>/<key>`), which
// every S3-compatible store understands. Objects are private: files are served by the app's own
// route after its authorisation check, never by bucket URLs.
export const createS3Storage = (config: S3Config): Storage => {
  const base = new URL(config.endpoint);
  const prefix = base.pathname.replace(/\/+$/, '');
  const urlFor = (key: string) => new URL(`${prefix}/${uriEncode(config.bucket)}/${uriEncode(key, true)}`, base);

  const request = (method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Body, headers: Record<string, string> = {}) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const url = urlFor(key);
      const signed = signV4({
        method,
        url,
        headers: body ? { ...headers, 'content-length': String(body.length) } : headers,
        payloadHash: body?.sha256 ?? EMPTY_SHA256,
        region: config.region,
        accessKeyId: config.accessKeyId,
        secretAccessKey: config.secretAccessKey,
        now: new Date(),
      });
      const client = url.protocol === 'https:' ? https : http;
      const outgoing = client.request(url, { method, headers: signed, timeout: 60_000 }, resolve);
      outgoing.on('timeout', () => outgoing.destroy(new Error(`S3 ${method} ${key}: timed out`)));
      outgoing.on('error', reject);
      if (body) body.stream().on('error', (error) => outgoing.destroy(error)).pipe(outgoing);
      else outgoing.end();
    });

  const fail = async (method: string, key: string, response: IncomingMessage): Promise<never> => {
    throw new Error(`S3 ${method} ${key}: HTTP ${response.statusCode} ${await readAll(response)}`);
  };

  return {
    put: async (key, data, mimeType) => {
      if (data instanceof Uint8Array) {
        const response = await request('PUT', key, { stream: () => Readable.from([data]), length: data.length, sha256: sha256Hex(data) }, { 'content-type': mimeType });
        if (response.statusCode !== 200) await fail('PUT', key, response);
        response.resume();
        return;
      }
      const dir = await mkdtemp(path.join(os.tmpdir(), 'bandeja-s3-'));
      try {
        const body = await spool(data, dir);
        const response = await request('PUT', key, body, { 'content-type': mimeType });
        if (response.statusCode !== 200) await fail('PUT', key, response);
        response.resume();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    get: async (key) => {
      const response = await request('GET', key);
      if (response.statusCode === 404) {
        response.resume();
        return null;
      }
      if (response.statusCode !== 200) return fail('GET', key, response);
      return Readable.toWeb(response) as ReadableStream<Uint8Array>;
    },
    delete: async (key) => {
      const response = await request('DELETE', key);
      // Deleting what is already gone is success: the sweep and a refused upload may both try.
      if (response.statusCode !== 204 && response.statusCode !== 200 && response.statusCode !== 404) await fail('DELETE', key, response);
      response.resume();
    },
  };
};

