import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts, users } from './accounts';
import { notifications } from './notifications';

// Web Push: one row per browser (device) an agent opted in from. The endpoint is the push
// service's address for that browser, so it is unique: a browser signed in as someone else moves
// to them. session_id is the sign-in it was made in: signing out removes it.
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    accountId: integer().notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    userId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
    endpoint: text().notNull(),
    // The browser's P-256 public key and auth secret (base64url), for the payload's encryption.
    p256dh: text().notNull(),
    auth: text().notNull(),
    sessionId: text().notNull(),
    userAgent: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('push_subscriptions_endpoint_key').on(t.endpoint),
    index('push_subscriptions_user_idx').on(t.userId, t.accountId),
    index('push_subscriptions_session_idx').on(t.sessionId),
  ],
);

// The outbox of pushes: one row per (notification, subscription), written in the transaction that
// creates the notification and sent after commit and by the sweep, with the webhooks' retries.
export const pushDeliveries = pgTable(
  'push_deliveries',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    subscriptionId: integer().notNull().references(() => pushSubscriptions.id, { onDelete: 'cascade' }),
    notificationId: integer().notNull().references(() => notifications.id, { onDelete: 'cascade' }),
    attempts: integer().notNull().default(0),
    responseStatus: integer(),
    error: text(),
    nextAttemptAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('push_deliveries_notification_subscription_key').on(t.notificationId, t.subscriptionId),
    index('push_deliveries_subscription_idx').on(t.subscriptionId),
    index('push_deliveries_due_idx').on(t.nextAttemptAt),
  ],
);

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;
