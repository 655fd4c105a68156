import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { attachments, conversationParticipants, conversations, mentions, notifications, type Conversation } from '@/db/schema';
import type { Role, Storage } from '@/lib/domain/context';
import { createLocalStorage } from '@/lib/storage/storage';
import { actorFor, createAccount, createConversation, createInbox, createUser, ctxFor, type TestCtx } from './factories';

// Test data for messages, mentions and attachments (issue #4).

export type MessagesWorkspace = {
  accountId: number;
  inboxId: number;
  me: { id: number; name: string };
  ctx: TestCtx;
  conversation: (values?: Partial<Pick<Conversation, 'status' | 'firstReplyAt' | 'waitingSince' | 'lastActivityAt' | 'snoozedUntil'>>) => Promise<Conversation>;
  // Another agent of the same account and inbox (or of another inbox), with a ctx acting as them.
  teammate: (options?: { name?: string; role?: Role; inboxIds?: number[] }) => Promise<{ id: number; name: string; ctx: TestCtx }>;
};

// An account with one inbox and a signed-in agent of it.
export const createMessagesWorkspace = async (db: Db, options: { name?: string; role?: Role; now?: Date | (() => Date) } = {}): Promise<MessagesWorkspace> => {
  const account = await createAccount(db);
  const inbox = await createInbox(db, { accountId: account.id });
  const me = await createUser(db, { accountId: account.id, inboxIds: [inbox.id], role: options.role ?? 'agent', name: options.name ?? 'Laura' });
  const ctx = ctxFor(db, await actorFor(db, me.id, account.id), { now: options.now });
  return {
    accountId: account.id,
    inboxId: inbox.id,
    me: { id: me.id, name: me.name },
    ctx,
    conversation: (values = {}) => createConversation(db, { accountId: account.id, inboxId: inbox.id, ...values }),
    teammate: async ({ name, role, inboxIds } = {}) => {
      const user = await createUser(db, { accountId: account.id, inboxIds: inboxIds ?? [inbox.id], role, name });
      return { id: user.id, name: user.name, ctx: ctxFor(db, await actorFor(db, user.id, account.id)) };
    },
  };
};

// A ctx whose storage is a real local-disk adapter in a fresh temporary folder.
export const withDiskStorage = async (ctx: TestCtx): Promise<{ ctx: TestCtx; dir: string; files: () => Promise<string[]>; cleanup: () => Promise<void> }> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bandeja-uploads-test-'));
  const storage: Storage = createLocalStorage(dir);
  return {
    ctx: { ...ctx, storage },
    dir,
    files: async () => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
};

// A stream of `size` bytes: `head` first, then zeros, produced 1 MB at a time (never held whole).
export const byteStream = (size: number, head: Uint8Array = new Uint8Array()): ReadableStream<Uint8Array> => {
  const chunkSize = 1024 * 1024;
  const zeros = new Uint8Array(chunkSize);
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull: (controller) => {
      if (sent >= size) return controller.close();
      if (sent === 0 && head.length) {
        const first = head.subarray(0, size);
        sent += first.length;
        return controller.enqueue(first.slice());
      }
      const next = Math.min(chunkSize, size - sent);
      sent += next;
      controller.enqueue(next === chunkSize ? zeros : zeros.subarray(0, next));
    },
  });
};

export const streamOf = (bytes: Uint8Array | string): ReadableStream<Uint8Array> =>
  new Blob([typeof bytes === 'string' ? bytes : (bytes as Uint8Array<ArrayBuffer>)]).stream();

const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const join = (...parts: Array<Uint8Array | number[]>) => {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
};

// The first bytes of real files of each type, enough for sniffing.
export const samples = {
  png: join([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], ascii('IHDR'), new Uint8Array(32)),
  jpeg: join([0xff, 0xd8, 0xff, 0xe0, 0, 16], ascii('JFIF'), new Uint8Array(32)),
  gif: join(ascii('GIF89a'), new Uint8Array(32)),
  webp: join(ascii('RIFF'), [0x24, 0, 0, 0], ascii('WEBPVP8 '), new Uint8Array(32)),
  pdf: ascii('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
  wav: join(ascii('RIFF'), [0x24, 0, 0, 0], ascii('WAVEfmt '), new Uint8Array(32)),
  mp3: join(ascii('ID3'), [4, 0, 0, 0, 0, 0, 0], new Uint8Array(64)),
  ogg: join(ascii('OggS'), [0, 2], new Uint8Array(20), ascii('OpusHead'), new Uint8Array(32)),
  webmAudio: join([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], ascii('webm'), new Uint8Array(40), ascii('A_OPUS'), new Uint8Array(64)),
  webmVideo: join([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], ascii('webm'), new Uint8Array(40), ascii('V_VP8'), new Uint8Array(64)),
  m4a: join([0, 0, 0, 0x20], ascii('ftypM4A '), [0, 0, 0, 0], ascii('M4A isom'), new Uint8Array(64)),
  mp4Video: join([0, 0, 0, 0x20], ascii('ftypisom'), [0, 0, 2, 0], ascii('isomiso2'), ascii('moov'), new Uint8Array(8), ascii('hdlr'), new Uint8Array(8), ascii('vide'), new Uint8Array(32)),
  docx: join([0x50, 0x4b, 0x03, 0x04], new Uint8Array(26), ascii('[Content_Types].xml'), new Uint8Array(40), [0x50, 0x4b, 0x03, 0x04], new Uint8Array(26), ascii('word/document.xml'), new Uint8Array(40)),
  xlsx: join([0x50, 0x4b, 0x03, 0x04], new Uint8Array(26), ascii('[Content_Types].xml'), new Uint8Array(40), ascii('xl/workbook.xml'), new Uint8Array(40)),
  pptx: join([0x50, 0x4b, 0x03, 0x04], new Uint8Array(26), ascii('[Content_Types].xml'), new Uint8Array(40), ascii('ppt/presentation.xml'), new Uint8Array(40)),
  zip: join([0x50, 0x4b, 0x03, 0x04], new Uint8Array(26), ascii('secret/payload.bin'), new Uint8Array(40)),
  exe: join(ascii('MZ'), [0x90, 0, 3, 0, 0, 0, 4, 0], new Uint8Array(50), ascii('This program cannot be run in DOS mode.'), new Uint8Array(20)),
  elf: join([0x7f], ascii('ELF'), [2, 1, 1, 0], new Uint8Array(56)),
  html: new TextEncoder().encode('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>'),
  svg: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'),
  text: new TextEncoder().encode('Hola,\nadjunto el pedido nº 42 — gracias.\n'),
  csv: new TextEncoder().encode('nombre,correo\nAna,ana@example.com\n'),
};

export const mentionsOf = async (db: Db, conversationId: number) =>
  db.select().from(mentions).where(eq(mentions.conversationId, conversationId));

export const notificationsOf = async (db: Db, userId: number) => db.select().from(notifications).where(eq(notifications.userId, userId));

export const participantIds = async (db: Db, conversationId: number): Promise<number[]> =>
  (await db.select({ userId: conversationParticipants.userId }).from(conversationParticipants).where(eq(conversationParticipants.conversationId, conversationId)))
    .map((row) => row.userId)
    .sort((a, b) => a - b);

export const attachmentRow = async (db: Db, id: number) => (await db.select().from(attachments).where(eq(attachments.id, id)))[0];

export const reloadConversation = async (db: Db, id: number): Promise<Conversation> =>
  (await db.select().from(conversations).where(eq(conversations.id, id)))[0];
