import type { Db } from '@/db/client';

export type Role = 'administrator' | 'agent';

// Who is acting: resolved once per request from the session (lib/auth) and passed to every domain
// function. inboxIds are the inboxes the user belongs to; administrators see the whole account.
export type Actor = {
  userId: number;
  accountId: number;
  role: Role;
  inboxIds: number[];
  teamIds: number[];
};

// Ports to the world outside the database. Their adapters live in lib/realtime, lib/mail and
// lib/storage; tests use the same adapters pointed at local endpoints.
export type RealtimePublisher = {
  publish: (channel: string, event: string, data: Record<string, unknown>) => Promise<void>;
  // Closes the user's signed-in sockets (Pusher's terminate_connections): their browser reconnects
  // and re-authorises every channel, so channels they may no longer read are refused.
  endUserConnections: (userId: number) => Promise<void>;
  // Holds events until a transaction commits, then publishes them (in-transaction.ts).
  buffered?: true;
};

export type MailStatus = 'sent' | 'failed' | 'stored';

export type OutgoingMail = {
  accountId: number | null;
  // The agent on whose behalf it is sent (transcripts): they may see and retry it in the outbox.
  sentByUserId?: number | null;
  kind: string;
  // "Name <address>"; the configured default sender (MAIL_FROM) when not given.
  from?: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
};

export type Mailer = {
  send: (ctx: { db: Db }, mail: OutgoingMail) => Promise<{ outboxId: number; status: MailStatus }>;
  // Sends a failed outbox row again; null when it was not (or no longer) failed.
  retry?: (ctx: { db: Db }, outboxId: number) => Promise<{ status: MailStatus } | null>;
};

export type Storage = {
  put: (key: string, data: Uint8Array | ReadableStream<Uint8Array>, mimeType: string) => Promise<void>;
  get: (key: string) => Promise<ReadableStream<Uint8Array> | null>;
  delete: (key: string) => Promise<void>;
};

export type Ctx = {
  db: Db;
  actor: Actor;
  realtime: RealtimePublisher;
  mailer: Mailer;
  storage: Storage;
  now: () => Date;
};

// Work that does not act for a signed-in user (seed, sweeps, inbound channels) gets a SystemCtx.
export type SystemCtx = Omit<Ctx, 'actor'>;
