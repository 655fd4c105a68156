import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { webhookDeliveries, webhooks } from '@/db/schema';
import { conversationPayloads, messagePayloads, type PayloadTarget } from './payloads';
import type { WebhookEvent } from './webhook-events';

// Webhooks whose subscriptions (a JSON array of event names) include the event.
const subscribedTo = (event: WebhookEvent) => sql`${webhooks.subscriptions} @> ${JSON.stringify([event])}::jsonb`;

// The outbox of outbound webhooks: one webhook_deliveries row per (event, subscribed webhook),
// written INSIDE the transaction of the change, so that a delivery exists exactly when the change
// committed. Delivery happens after commit (nudgeWebhookDeliveries) and from the sweep.
// A webhook receives the events of its account (inbox_id null) or of its one inbox.
const enqueue = async (db: DbOrTx, event: WebhookEvent, targets: PayloadTarget[], at: Date): Promise<number> => {
  let count = 0;
  for (const target of targets) {
    const subscribed = await db
      .select({ id: webhooks.id })
      .from(webhooks)
      .where(
        and(
          eq(webhooks.accountId, target.accountId),
          or(isNull(webhooks.inboxId), eq(webhooks.inboxId, target.inboxId)),
          subscribedTo(event),
        ),
      );
    if (subscribed.length === 0) continue;
    await db.insert(webhookDeliveries).values(subscribed.map(({ id }) => ({ webhookId: id, event, payload: target.payload, nextAttemptAt: at, createdAt: at })));
    count += subscribed.length;
  }
  return count;
};

// Whether any webhook of the account would receive the event: payloads are built only then.
const anySubscribed = async (db: DbOrTx, accountIds: number[] | null, event: WebhookEvent): Promise<boolean> => {
  const [row] = await db
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(and(accountIds ? inArray(webhooks.accountId, accountIds) : undefined, subscribedTo(event)))
    .limit(1);
  return Boolean(row);
};

export type EnqueueOptions = { event: WebhookEvent; at?: Date; accountIds?: number[] };

export const enqueueMessageWebhooks = async (db: DbOrTx, messageIds: number[], { event, at = new Date(), accountIds }: EnqueueOptions): Promise<number> => {
  if (messageIds.length === 0 || !(await anySubscribed(db, accountIds ?? null, event))) return 0;
  return enqueue(db, event, await messagePayloads(db, event, messageIds), at);
};

export const enqueueConversationWebhooks = async (
  db: DbOrTx,
  conversationIds: number[],
  { event, at = new Date(), accountIds }: EnqueueOptions,
): Promise<number> => {
  if (conversationIds.length === 0 || !(await anySubscribed(db, accountIds ?? null, event))) return 0;
  return enqueue(db, event, await conversationPayloads(db, event, conversationIds), at);
};
