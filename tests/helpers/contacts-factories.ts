import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  attachments,
  contactInboxes,
  contactLabels,
  contacts,
  conversations,
  labels,
  messages,
  type Attachment,
  type Contact,
  type ContactInbox,
  type Label,
  type NewContact,
} from '@/db/schema';
import type { Role, Storage } from '@/lib/domain/context';
import { createLocalStorage } from '@/lib/storage/storage';
import { actorFor, createAccount, createConversation, createInbox, createUser, ctxFor, type TestCtx } from './factories';

// Test data for contacts (issue #5: card, edit, merge, delete, new conversation, previous conversations).

const unique = () => crypto.randomUUID().slice(0, 8);

// A contact with any of its columns set (createContact sets only name, email and phone).
export const createFullContact = async (db: Db, values: Omit<NewContact, 'accountId'> & { accountId: number }): Promise<Contact> => {
  const [contact] = await db
    .insert(contacts)
    .values({ name: `Customer ${unique()}`, ...values })
    .returning();
  return contact;
};

export const createContactLabel = async (db: Db, options: { accountId: number; contactId: number; title?: string; color?: string }): Promise<Label> => {
  const [label] = await db
    .insert(labels)
    .values({ accountId: options.accountId, title: options.title ?? `label-${unique()}`, color: options.color ?? '#1f93ff' })
    .returning();
  await db.insert(contactLabels).values({ contactId: options.contactId, labelId: label.id });
  return label;
};

export const labelContact = async (db: Db, contactId: number, ...labelIds: number[]): Promise<void> => {
  await db.insert(contactLabels).values(labelIds.map((labelId) => ({ contactId, labelId })));
};

export const createContactInbox = async (db: Db, options: { contactId: number; inboxId: number; sourceId?: string }): Promise<ContactInbox> => {
  const [link] = await db
    .insert(contactInboxes)
    .values({ contactId: options.contactId, inboxId: options.inboxId, sourceId: options.sourceId ?? crypto.randomUUID() })
    .returning();
  return link;
};

// An attachment row whose file really is in `storage`: sent with a message, or (without messageId)
// an upload made in the conversation and not sent yet.
export const createStoredAttachment = async (
  db: Db,
  storage: Storage,
  options: { accountId: number; conversationId?: number; messageId?: number; bytes?: Uint8Array },
): Promise<Attachment> => {
  const storageKey = `${options.accountId}/2030/01/${crypto.randomUUID()}`;
  const bytes = options.bytes ?? new TextEncoder().encode(`file ${storageKey}\n`);
  await storage.put(storageKey, bytes, 'text/plain');
  const [attachment] = await db
    .insert(attachments)
    .values({
      accountId: options.accountId,
      conversationId: options.conversationId ?? null,
      messageId: options.messageId ?? null,
      kind: 'file',
      fileName: 'pedido.txt',
      mimeType: 'text/plain',
      size: bytes.length,
      storageKey,
    })
    .returning();
  return attachment;
};

// A ctx whose storage is the real local-disk adapter in a fresh temporary folder.
export const withLocalStorage = async (
  ctx: TestCtx,
): Promise<{ ctx: TestCtx; storage: Storage; dir: string; files: () => Promise<string[]>; cleanup: () => Promise<void> }> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bandeja-contacts-test-'));
  const storage = createLocalStorage(dir);
  return {
    ctx: { ...ctx, storage },
    storage,
    dir,
    // Storage keys of the files on disk ("avatars/1/<uuid>"), sorted.
    files: async () =>
      (await readdir(dir, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
        .sort(),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
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

// The first bytes of pictures (enough for sniffing) and of things that are not allowed avatars.
export const pictures = {
  png: join([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], ascii('IHDR'), new Uint8Array(32)),
  jpeg: join([0xff, 0xd8, 0xff, 0xe0, 0, 16], ascii('JFIF'), new Uint8Array(32)),
  gif: join(ascii('GIF89a'), new Uint8Array(32)),
  webp: join(ascii('RIFF'), [0x24, 0, 0, 0], ascii('WEBPVP8 '), new Uint8Array(32)),
  svg: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'),
  pdf: ascii('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
  text: new TextEncoder().encode('no soy una imagen\n'),
};

// A stream of `size` bytes starting with `head`, produced 1 MB at a time (never held whole).
export const byteStream = (size: number, head: Uint8Array): ReadableStream<Uint8Array> => {
  const chunkSize = 1024 * 1024;
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull: (controller) => {
      if (sent >= size) return controller.close();
      const chunk = new Uint8Array(Math.min(chunkSize, size - sent));
      if (sent === 0) chunk.set(head.subarray(0, chunk.length));
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
};

export type ContactsWorld = {
  accountId: number;
  // "Soporte" (website): the agent's inbox. "Ventas" (email) and "API" (api): not the agent's.
  support: { id: number };
  sales: { id: number };
  api: { id: number };
  admin: { id: number; name: string };
  agent: { id: number; name: string };
  // A user with the given role and inboxes, with their ctx.
  member: (options?: { role?: Role; inboxIds?: number[]; name?: string }) => Promise<{ id: number; name: string; ctx: TestCtx }>;
  ctxOf: (user: { id: number }, options?: { now?: Date }) => Promise<TestCtx>;
  // A contact with one conversation in `inboxId` (Soporte by default), so the agent may see it.
  customer: (values?: Partial<Omit<NewContact, 'accountId'>>, inboxId?: number) => Promise<Contact>;
  contact: (values?: Partial<Omit<NewContact, 'accountId'>>) => Promise<Contact>;
  conversation: (contactId: number, inboxId?: number, values?: { lastActivityAt?: Date; status?: 'open' | 'resolved' | 'pending' | 'snoozed' }) => ReturnType<typeof createConversation>;
};

// One account with three inboxes (website "Soporte", email "Ventas", api "API"), an administrator
// (Laura) and an agent (Pedro) who belongs to Soporte only.
export const createContactsWorld = async (db: Db, options: { locale?: 'es' | 'en' } = {}): Promise<ContactsWorld> => {
  const account = await createAccount(db, { locale: options.locale });
  const support = await createInbox(db, { accountId: account.id, name: 'Soporte', channelType: 'website' });
  const sales = await createInbox(db, { accountId: account.id, name: 'Ventas', channelType: 'email' });
  const api = await createInbox(db, { accountId: account.id, name: 'API', channelType: 'api' });
  const admin = await createUser(db, { accountId: account.id, role: 'administrator', name: 'Laura' });
  const agent = await createUser(db, { accountId: account.id, role: 'agent', inboxIds: [support.id], name: 'Pedro' });
  const ctxOf = async (user: { id: number }, ctxOptions: { now?: Date } = {}) => ctxFor(db, await actorFor(db, user.id, account.id), ctxOptions);
  const conversation: ContactsWorld['conversation'] = (contactId, inboxId = support.id, values = {}) =>
    createConversation(db, { accountId: account.id, inboxId, contactId, ...values });
  const contact: ContactsWorld['contact'] = (values = {}) =>
    createFullContact(db, { email: `customer-${unique()}@example.test`, ...values, accountId: account.id });
  return {
    accountId: account.id,
    support,
    sales,
    api,
    admin: { id: admin.id, name: admin.name },
    agent: { id: agent.id, name: agent.name },
    member: async ({ role = 'agent', inboxIds = [], name } = {}) => {
      const user = await createUser(db, { accountId: account.id, role, inboxIds, name });
      return { id: user.id, name: user.name, ctx: await ctxOf(user) };
    },
    ctxOf,
    customer: async (values = {}, inboxId = support.id) => {
      const created = await contact(values);
      await conversation(created.id, inboxId);
      return created;
    },
    contact,
    conversation,
  };
};

// Counts that a merge or delete must keep consistent.
export const countWhere = {
  conversationsOf: async (db: Db, contactId: number) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(conversations).where(eq(conversations.contactId, contactId)))[0].n,
  messagesIn: async (db: Db, conversationIds: number[]) =>
    conversationIds.length
      ? (await db.select({ n: sql<number>`count(*)::int` }).from(messages).where(inArray(messages.conversationId, conversationIds)))[0].n
      : 0,
  contactExists: async (db: Db, contactId: number) => (await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, contactId))).length === 1,
};

// Runs `run` and returns the DomainError it throws (fails the test when it does not throw).
export const refusal = async (run: () => Promise<unknown>): Promise<{ code: string; details: Record<string, string | number> }> => {
  try {
    await run();
  } catch (error) {
    const { code, details } = error as { code?: string; details?: Record<string, string | number> };
    if (!code) throw error;
    return { code, details: details ?? {} };
  }
  throw new Error('expected a DomainError, but the call succeeded');
};
