import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { accounts, users } from './accounts';
import { mailStatusEnum } from './enums';

// Every email the app sends is recorded here; with no RESEND_API_KEY this is where mail goes.
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    accountId: integer().references(() => accounts.id, { onDelete: 'cascade' }),
    // transcript, invitation, reply, password_reset, ...
    kind: text().notNull(),
    fromAddress: text().notNull(),
    toAddresses: jsonb().$type<string[]>().notNull(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    headers: jsonb().$type<Record<string, string>>().notNull().default({}),
    status: mailStatusEnum().notNull().default('queued'),
    providerMessageId: text(),
    error: text(),
    attempts: integer().notNull().default(0),
    // The agent whose action sent it (a transcript): they may see and retry their own failed mail.
    sentByUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  // The admin outbox page: an account's mail, newest (highest id) first, keyset on the id. NULLS FIRST
  // like the query's ORDER BY id DESC, so the index is read in order (bench/README.md).
  (t) => [index('mail_outbox_account_id_idx').on(t.accountId, t.id.desc().nullsFirst())],
);

export type MailOutboxEntry = typeof mailOutbox.$inferSelect;
