import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts, users } from './accounts';
import { channelTypeEnum } from './enums';

// Channel settings differ per channel type; each channel module validates its own shape.
export type ChannelSettings = {
  // website widget
  websiteUrl?: string;
  widgetColor?: string;
  welcomeTitle?: string;
  welcomeTagline?: string;
  hmacSecret?: string;
  requireIdentityVerification?: boolean;
  // api
  webhookUrl?: string;
  // The `webhooks` row that delivers to webhookUrl (lib/domain/webhooks/api-inbox-webhook.ts).
  webhookId?: number;
  // email
  emailAddress?: string;
  // Authenticates the inbound email endpoint for this inbox (derived from AUTH_SECRET when unset).
  inboundToken?: string;
  // all: what a customer message does to a resolved conversation
  resolvedConversationPolicy?: 'reopen' | 'new';
};

// An inbox is the channel through which customers reach the account (V4).
export const inboxes = pgTable(
  'inboxes',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    accountId: integer().notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    channelType: channelTypeEnum().notNull(),
    // Public identifier used by the widget and the client API (never the numeric id).
    identifier: text().notNull(),
    channelSettings: jsonb().$type<ChannelSettings>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('inboxes_identifier_key').on(t.identifier), index('inboxes_account_idx').on(t.accountId)],
);

export const inboxMembers = pgTable(
  'inbox_members',
  {
    inboxId: integer().notNull().references(() => inboxes.id, { onDelete: 'cascade' }),
    userId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // The actor's inbox ids are read by user at every request.
  (t) => [primaryKey({ columns: [t.inboxId, t.userId] }), index('inbox_members_user_idx').on(t.userId)],
);

export type Inbox = typeof inboxes.$inferSelect;
