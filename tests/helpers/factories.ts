import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  accounts,
  accountUsers,
  contacts,
  conversations,
  inboxes,
  inboxMembers,
  messages,
  teamMembers,
  teams,
  users,
  type Account,
  type Contact,
  type Conversation,
  type Inbox,
  type Message,
  type NewConversation,
  type NewMessage,
  type Team,
  type User,
} from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { loadActor } from '@/lib/domain/authorization/load-actor';
import type { Actor, Ctx, OutgoingMail, Role } from '@/lib/domain/context';

// Test data built straight with drizzle, so a test states only what matters to it. Every test makes
// its own account(s): tests in a file share one database but never each other's rows.

// Unique per call, so emails, names and identifiers never collide inside a shared database.
const unique = () => crypto.randomUUID().slice(0, 8);

// A new account (workspace).
export const createAccount = async (db: Db, values: { name?: string; locale?: 'es' | 'en' } = {}): Promise<Account> => {
  const [account] = await db
    .insert(accounts)
    .values({ name: values.name ?? `Account ${unique()}`, locale: values.locale ?? 'es' })
    .returning();
  return account;
};

export type CreateUserOptions = {
  accountId: number;
  role?: Role;
  inboxIds?: number[];
  teamIds?: number[];
  email?: string;
  name?: string;
  // Hashed with argon2 (slow): give it only to users who sign in.
  password?: string;
  locale?: 'es' | 'en';
  active?: boolean;
};

// A user who is a member of the account, of the given inboxes and of the given teams.
export const createUser = async (db: Db, options: CreateUserOptions): Promise<User> => {
  const id = unique();
  const [user] = await db
    .insert(users)
    .values({
      email: options.email ?? `agent-${id}@example.test`,
      name: options.name ?? `Agent ${id}`,
      passwordHash: options.password === undefined ? null : await hashPassword(options.password),
      locale: options.locale ?? 'es',
    })
    .returning();
  await addAccountMember(db, { accountId: options.accountId, userId: user.id, role: options.role, active: options.active });
  for (const inboxId of options.inboxIds ?? []) await addInboxMember(db, { inboxId, userId: user.id });
  for (const teamId of options.teamIds ?? []) await db.insert(teamMembers).values({ teamId, userId: user.id });
  return user;
};

// Makes an existing user a member of (another) account.
export const addAccountMember = async (
  db: Db,
  options: { accountId: number; userId: number; role?: Role; active?: boolean; createdAt?: Date },
): Promise<void> => {
  await db.insert(accountUsers).values({
    accountId: options.accountId,
    userId: options.userId,
    role: options.role ?? 'agent',
    active: options.active ?? true,
    ...(options.createdAt ? { createdAt: options.createdAt } : {}),
  });
};

export const addInboxMember = async (db: Db, options: { inboxId: number; userId: number }): Promise<void> => {
  await db.insert(inboxMembers).values(options);
};

export const createInbox = async (
  db: Db,
  options: { accountId: number; name?: string; channelType?: 'website' | 'api' | 'email' },
): Promise<Inbox> => {
  const id = unique();
  const [inbox] = await db
    .insert(inboxes)
    .values({
      accountId: options.accountId,
      name: options.name ?? `Inbox ${id}`,
      channelType: options.channelType ?? 'website',
      identifier: `inbox-${crypto.randomUUID()}`,
    })
    .returning();
  return inbox;
};

export const createTeam = async (db: Db, options: { accountId: number; name?: string }): Promise<Team> => {
  const [team] = await db
    .insert(teams)
    .values({ accountId: options.accountId, name: options.name ?? `Team ${unique()}` })
    .returning();
  return team;
};

export const createContact = async (
  db: Db,
  options: { accountId: number; name?: string; email?: string | null; phone?: string | null },
): Promise<Contact> => {
  const id = unique();
  const [contact] = await db
    .insert(contacts)
    .values({
      accountId: options.accountId,
      name: options.name ?? `Customer ${id}`,
      email: options.email === undefined ? `customer-${id}@example.test` : options.email,
      phone: options.phone ?? null,
    })
    .returning();
  return contact;
};

export type CreateConversationOptions = Omit<NewConversation, 'accountId' | 'inboxId' | 'contactId' | 'displayId'> & {
  accountId: number;
  inboxId: number;
  // A new contact of the account when omitted.
  contactId?: number;
};

// A conversation numbered like the app numbers them: the next display id of the account, taken with
// UPDATE ... RETURNING so that concurrent creators never get the same number.
export const createConversation = async (db: Db, options: CreateConversationOptions): Promise<Conversation> => {
  const { accountId, inboxId, contactId, ...rest } = options;
  const contact = contactId ?? (await createContact(db, { accountId })).id;
  const [{ displayId }] = await db
    .update(accounts)
    .set({ lastConversationDisplayId: sql`${accounts.lastConversationDisplayId} + 1` })
    .where(eq(accounts.id, accountId))
    .returning({ displayId: accounts.lastConversationDisplayId });
  const [conversation] = await db
    .insert(conversations)
    .values({ ...rest, accountId, inboxId, contactId: contact, displayId })
    .returning();
  return conversation;
};

export type CreateMessageOptions = Omit<NewMessage, 'accountId' | 'inboxId' | 'conversationId' | 'messageType' | 'senderType'> & {
  conversationId: number;
  messageType?: NewMessage['messageType'];
  senderType?: NewMessage['senderType'];
};

// A message in the conversation; account and inbox are copied from it, as the app does.
export const createMessage = async (db: Db, options: CreateMessageOptions): Promise<Message> => {
  const { conversationId, messageType = 'incoming', senderType, ...rest } = options;
  const [conversation] = await db
    .select({ accountId: conversations.accountId, inboxId: conversations.inboxId, contactId: conversations.contactId })
    .from(conversations)
    .where(eq(conversations.id, conversationId));
  if (!conversation) throw new Error(`createMessage: no conversation ${conversationId}`);
  const sender = senderType ?? (messageType === 'incoming' ? 'contact' : messageType === 'outgoing' ? 'agent' : 'system');
  const [message] = await db
    .insert(messages)
    .values({
      content: 'Hola',
      ...rest,
      accountId: conversation.accountId,
      inboxId: conversation.inboxId,
      conversationId,
      messageType,
      senderType: sender,
      senderId: rest.senderId ?? (sender === 'contact' ? conversation.contactId : null),
    })
    .returning();
  return message;
};

// The actor the app would load for this user in this account; a test that expects none uses loadActor.
export const actorFor = async (db: Db, userId: number, accountId: number): Promise<Actor> => {
  const actor = await loadActor(db, { userId, accountId });
  if (!actor) throw new Error(`actorFor: user ${userId} is not an active member of account ${accountId}`);
  return actor;
};

export type PublishedEvent = { channel: string; event: string; data: Record<string, unknown> };

export type TestCtx = Ctx & {
  // What the domain handed to the ports, for tests that want to look.
  published: PublishedEvent[];
  // Users whose realtime connections the domain ended.
  endedConnections: number[];
  sentMail: OutgoingMail[];
  storedFiles: Map<string, { data: Uint8Array; mimeType: string }>;
};

const collect = async (data: Uint8Array | ReadableStream<Uint8Array>): Promise<Uint8Array> =>
  data instanceof Uint8Array ? data : new Uint8Array(await new Response(data).arrayBuffer());

// A Ctx on the real test database, with in-memory recording stand-ins for realtime, mail and storage:
// those ports are tested with their real adapters elsewhere; here they only must not fail.
export const ctxFor = (db: Db, actor: Actor, options: { now?: Date | (() => Date) } = {}): TestCtx => {
  const published: PublishedEvent[] = [];
  const endedConnections: number[] = [];
  const sentMail: OutgoingMail[] = [];
  const storedFiles = new Map<string, { data: Uint8Array; mimeType: string }>();
  const { now } = options;
  return {
    db,
    actor,
    now: typeof now === 'function' ? now : () => (now ? new Date(now) : new Date()),
    realtime: {
      publish: async (channel, event, data) => {
        published.push({ channel, event, data });
      },
      endUserConnections: async (userId) => {
        endedConnections.push(userId);
      },
    },
    mailer: {
      send: async (_ctx, mail) => {
        sentMail.push(mail);
        return { outboxId: sentMail.length, status: 'stored' };
      },
    },
    storage: {
      put: async (key, data, mimeType) => {
        storedFiles.set(key, { data: await collect(data), mimeType });
      },
      get: async (key) => {
        const file = storedFiles.get(key);
        return file ? new Blob([file.data as Uint8Array<ArrayBuffer>]).stream() : null;
      },
      delete: async (key) => {
        storedFiles.delete(key);
      },
    },
    published,
    endedConnections,
    sentMail,
    storedFiles,
  };
};
