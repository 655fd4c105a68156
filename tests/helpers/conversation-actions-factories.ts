import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { conversationLabels, conversations, labels, messages, type Conversation, type Label, type Message } from '@/db/schema';
import type { Role } from '@/lib/domain/context';
import { actorFor, createAccount, createConversation, createInbox, createUser, ctxFor, type TestCtx } from './factories';

// Test data for conversation actions, activity messages and labels administration.

// A label of the account, inserted directly (the domain's createLabel is what the labels tests test).
export const makeLabel = async (db: Db, options: { accountId: number; title?: string; color?: string }): Promise<Label> => {
  const [label] = await db
    .insert(labels)
    .values({ accountId: options.accountId, title: options.title ?? `label-${crypto.randomUUID().slice(0, 8)}`, color: options.color ?? '#1f93ff' })
    .returning();
  return label;
};

export type Workspace = {
  accountId: number;
  inboxId: number;
  // The signed-in user, a member of the inbox, and a ctx acting as them.
  me: { id: number; name: string };
  ctx: TestCtx;
  // A new conversation in the inbox.
  conversation: (values?: Partial<Pick<Conversation, 'status' | 'snoozedUntil' | 'priority' | 'assigneeId' | 'teamId' | 'lastActivityAt'>>) => Promise<Conversation>;
};

// An account with one inbox and a signed-in member of it: what most action tests start from.
export const createWorkspace = async (
  db: Db,
  options: { locale?: 'es' | 'en'; role?: Role; name?: string; now?: Date } = {},
): Promise<Workspace> => {
  const account = await createAccount(db, { locale: options.locale ?? 'es' });
  const inbox = await createInbox(db, { accountId: account.id });
  const me = await createUser(db, { accountId: account.id, role: options.role ?? 'agent', inboxIds: [inbox.id], name: options.name ?? 'Laura' });
  const ctx = ctxFor(db, await actorFor(db, me.id, account.id), { now: options.now });
  return {
    accountId: account.id,
    inboxId: inbox.id,
    me: { id: me.id, name: me.name },
    ctx,
    conversation: (values = {}) => createConversation(db, { accountId: account.id, inboxId: inbox.id, ...values }),
  };
};

// The activity messages (B4) of a conversation, oldest first.
export const activitiesOf = async (db: Db, conversationId: number): Promise<Message[]> =>
  db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.messageType, 'activity')))
    .orderBy(asc(messages.id));

// The conversation as stored now.
export const reload = async (db: Db, conversationId: number): Promise<Conversation> =>
  (await db.select().from(conversations).where(eq(conversations.id, conversationId)))[0];

// The label ids a conversation has now, ascending.
export const labelIdsOf = async (db: Db, conversationId: number): Promise<number[]> =>
  (
    await db
      .select({ labelId: conversationLabels.labelId })
      .from(conversationLabels)
      .where(eq(conversationLabels.conversationId, conversationId))
      .orderBy(asc(conversationLabels.labelId))
  ).map((row) => row.labelId);
