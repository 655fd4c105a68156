import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import type { Db } from '@/db/client';
import { mailOutbox, type MailOutboxEntry } from '@/db/schema';

type NewMailOutboxEntry = typeof mailOutbox.$inferInsert;

// A stand-in for Resend's HTTP API at the edge of the world: a local node:http server that records
// each POST /emails and answers as Resend does. The real Resend SDK talks to it through
// RESEND_BASE_URL, so the code under test is the production path.

export type ResendRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> };
export type ResendReply = { status: number; body: unknown };

export type FakeResend = {
  url: string;
  requests: ResendRequest[];
  // What the next requests get; by default 200 { id: 're_<n>' } like Resend.
  reply: (next: (request: ResendRequest, index: number) => ResendReply) => void;
  close: () => Promise<void>;
};

export const startFakeResend = async (): Promise<FakeResend> => {
  const requests: ResendRequest[] = [];
  let replyWith = (_request: ResendRequest, index: number): ResendReply => ({ status: 200, body: { id: `re_${index + 1}` } });
  const server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      const recorded = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: raw ? JSON.parse(raw) : {} };
      requests.push(recorded);
      const { status, body } = replyWith(recorded, requests.length - 1);
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      response.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
      response.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (next) => {
      replyWith = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

// Points the Resend SDK at a fake for one test (RESEND_BASE_URL), restored afterwards.
export const useResendBaseUrl = () => {
  const previous = process.env.RESEND_BASE_URL;
  afterEach(() => {
    if (previous === undefined) delete process.env.RESEND_BASE_URL;
    else process.env.RESEND_BASE_URL = previous;
  });
  return (url: string) => {
    process.env.RESEND_BASE_URL = url;
  };
};

// An outbox row as the mailer would have recorded it.
export const createOutboxEntry = async (
  db: Db,
  options: Partial<Omit<NewMailOutboxEntry, 'id'>> & { accountId: number | null },
): Promise<MailOutboxEntry> => {
  const [entry] = await db
    .insert(mailOutbox)
    .values({
      kind: 'transcript',
      fromAddress: 'bandeja <no-reply@bandeja.local>',
      toAddresses: ['someone@example.test'],
      subject: `Mail ${crypto.randomUUID().slice(0, 8)}`,
      html: '<p>Hola</p>',
      text: 'Hola',
      status: 'stored',
      ...options,
    })
    .returning();
  return entry;
};
