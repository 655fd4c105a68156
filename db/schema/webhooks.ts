import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { inboxes } from './inboxes';

// Outbound webhooks of an account, or of one inbox when inboxId is set.
export const webhooks = pgTable(
  'webhooks',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    accountId: integer().notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    inboxId: integer().references(() => inboxes.id, { onDelete: 'cascade' }),
    url: text().notNull(),
    // Signs each delivery (HMAC-SHA256).
    secret: text().notNull(),
    subscriptions: jsonb().$type<string[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('webhooks_account_idx').on(t.accountId)],
);

// Every delivery attempt of an event to a webhook, for retries with back-off and the admin log.
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    webhookId: integer().notNull().references(() => webhooks.id, { onDelete: 'cascade' }),
    event: text().notNull(),
    payload: jsonb().notNull(),
    attempts: integer().notNull().default(0),
    responseStatus: integer(),
    error: text(),
    nextAttemptAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // A webhook's deliveries newest first (NULLS FIRST like ORDER BY created_at DESC); the retry sweep.
  (t) => [index('webhook_deliveries_webhook_idx').on(t.webhookId, t.createdAt.desc().nullsFirst()), index('webhook_deliveries_due_idx').on(t.nextAttemptAt)],
);
