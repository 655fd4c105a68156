import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { inboxes, messages, webhookDeliveries, webhooks, type ChannelSettings, type Message } from '@/db/schema';
import { newWebhookSecret } from '@/lib/domain/webhooks/sign';
import type { WebhookEvent } from '@/lib/domain/webhooks/webhook-events';
import { actorFor, createAccount, createInbox, createUser, ctxFor, type TestCtx } from './factories';

export type ChannelWorkspace = {
  accountId: number;
  inbox: { id: number; accountId: number; identifier: string; channelSettings: ChannelSettings };
  agent: { id: number };
  // An agent's ctx (a member of the inbox); also a SystemCtx for the inbound paths.
  ctx: TestCtx;
};

// An account with one inbox of the given channel and one agent in it.
export const createChannelWorkspace = async (
  db: Db,
  options: { channelType?: 'api' | 'email' | 'website'; settings?: ChannelSettings; now?: Date | (() => Date) } = {},
): Promise<ChannelWorkspace> => {
  const account = await createAccount(db);
  const created = await createInbox(db, { accountId: account.id, channelType: options.channelType ?? 'api' });
  const [inbox] = await db
    .update(inboxes)
    .set({ channelSettings: options.settings ?? {} })
    .where(eq(inboxes.id, created.id))
    .returning({ id: inboxes.id, accountId: inboxes.accountId, identifier: inboxes.identifier, channelSettings: inboxes.channelSettings });
  const agent = await createUser(db, { accountId: account.id, inboxIds: [inbox.id], name: 'Laura' });
  return { accountId: account.id, inbox, agent, ctx: ctxFor(db, await actorFor(db, agent.id, account.id), { now: options.now }) };
};

export const createWebhook = async (db: Db, options: { accountId: number; inboxId?: number | null; url: string; events?: WebhookEvent[]; secret?: string }) => {
  const [webhook] = await db
    .insert(webhooks)
    .values({
      accountId: options.accountId,
      inboxId: options.inboxId ?? null,
      url: options.url,
      secret: options.secret ?? newWebhookSecret(),
      subscriptions: options.events ?? ['message_created', 'message_updated', 'conversation_created', 'conversation_status_changed'],
    })
    .returning();
  return webhook;
};

export const deliveriesOf = async (db: Db, webhookId: number) =>
  db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId)).orderBy(asc(webhookDeliveries.id));

export const messagesOf = async (db: Db, conversationId: number): Promise<Message[]> =>
  db.select().from(messages).where(eq(messages.conversationId, conversationId)).orderBy(asc(messages.id));
