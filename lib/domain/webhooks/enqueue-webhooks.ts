import { and, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { webhookDeliveries, webhooks } from '@/db/schema';
import { conversationPayloads, messagePayloads, type PayloadTarget } from './payloads';
import type { WebhookEvent } from './webhook-events';

// Webhooks whose subscriptions (a JSON array of event names) include the event.
const subscribedTo = (event: WebhookEvent) => sql`${webhooks.subscriptions} @> ${JSON.stringify([event])}::jsonb`;

// The outbox of outbound webhooks: one webhook_deliveries row per (event, subscribed webhook),
// written INSIDE the transaction of the change, so that a delivery exists exactly when the change
// committed. Delivery happens after commit (nudgeDeliveries) and from the sweep.
// A webhook receives the events of its account (inbox_id null) or of its one inbox.
// One query for the subscribed webhooks of every target's account and one insert for all the rows,
// whatever the number of targets (a bulk action changes up to 100 conversations).
const enqueue = async (db: DbOrTx, event: WebhookEvent, targets: PayloadTarget[], at: Date): Promise<number> => {
  if (targets.length === 0) return 0;
  const subscribed = await db
    .select({ id: webhooks.id, accountId: webhooks.accountId, inboxId: webhooks.inboxId })
    .from(webhooks)
    .where(and(inArray(webhooks.accountId, [...new Set(targets.map((target) => target.accountId))]), subscribedTo(event)));
  const rows = targets.flatMap((target) =>
    subscribed
      .filter((webhook) => webhook.accountId === target.accountId && (webhook.inboxId === null || webhook.inboxId === target.inboxId))
      .map(({ id }) => ({ webhookId: id, event, payload: target.payload, nextAttemptAt: at, createdAt: at })),
  );
  if (rows.length) await db.insert(webhookDeliveries).values(rows);
  return rows.length;
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
