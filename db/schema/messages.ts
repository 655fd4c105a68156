import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts, users } from './accounts';
import { conversations } from './conversations';
import { attachmentKindEnum, deliveryStatusEnum, messageTypeEnum, senderTypeEnum } from './enums';
import { inboxes } from './inboxes';
import { searchable } from './sql-functions';

// Structured data of a message: activity details (B4), email headers, mentions, in-reply-to, etc.
export type MessageContentAttributes = {
  activity?: { action: string; [key: string]: unknown };
  mentionedUserIds?: number[];
  email?: { messageId?: string; inReplyTo?: string; references?: string[]; subject?: string; html?: string; autoReply?: boolean };
  inReplyTo?: number;
  deliveryError?: string;
  [key: string]: unknown;
};

export const messages = pgTable(
  'messages',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    accountId: integer().notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    inboxId: integer().notNull().references(() => inboxes.id, { onDelete: 'cascade' }),
    conversationId: integer().notNull().references(() => conversations.id, { onDelete: 'cascade' }),
    messageType: messageTypeEnum().notNull(),
    // B5: private notes are for agents only, never sent to the customer or in transcripts.
    private: boolean().notNull().default(false),
    senderType: senderTypeEnum().notNull(),
    // users.id for agents, contacts.id for contacts, null for system and automation.
    senderId: integer(),
    // B3: written on the official channel outside the platform (API integration, phone app).
    sentOutsidePlatform: boolean().notNull().default(false),
    content: text(),
    contentAttributes: jsonb().$type<MessageContentAttributes>().notNull().default({}),
    status: deliveryStatusEnum().notNull().default('sent'),
    // The channel's id for the message (email Message-ID, API source id): duplicate deliveries.
    sourceId: text(),
    // The browser's temporary id, so an optimistic message is confirmed, never shown twice (W5).
    echoId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Chat history: latest 50, then older pages (keyset on created_at, id); a card's last message.
    // NULLS FIRST like the queries' ORDER BY … DESC, so the index is read in order (no sort).
    index('messages_conversation_created_idx').on(t.conversationId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // L1 message search, newest first: for a word in many messages the planner walks this index and
    // stops at the first page of matches, instead of rechecking every match the trigram index returns
    // (bench/README.md: "gracias" went from 2.2 s to 2 ms on 2M messages). Rare words keep the GIN.
    // Inbox and type trail the keys so the search skips other inboxes' messages and activity lines
    // inside the index (an index-only walk) before reading any text.
    index('messages_account_created_idx').on(
      t.accountId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
      t.inboxId,
      t.messageType,
    ),
    uniqueIndex('messages_inbox_source_id_key').on(t.inboxId, t.sourceId).where(sql`${t.sourceId} is not null`),
    // L1 message search: partial-word and accent-insensitive (trigram) ...
    index('messages_content_trgm_idx').using('gin', sql`${searchable(t.content)} gin_trgm_ops`),
    // ... and whole words (full text).
    index('messages_content_fts_idx').using('gin', sql`to_tsvector('simple', ${searchable(t.content)})`),
  ],
);

// W4: a file is uploaded first (its own request, with progress) and linked to its message when the
// message is sent; until then message_id is null and the upload belongs to its uploader and
// conversation. Unlinked uploads older than a day are swept (deleteStaleUploads).
export const attachments = pgTable(
  'attachments',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    accountId: integer().notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    messageId: integer().references(() => messages.id, { onDelete: 'cascade' }),
    // Set by uploads from the dashboard; null on rows written with their message (seed, channels).
    conversationId: integer().references(() => conversations.id, { onDelete: 'cascade' }),
    uploadedById: integer().references(() => users.id, { onDelete: 'set null' }),
    kind: attachmentKindEnum().notNull(),
    fileName: text().notNull(),
    mimeType: text().notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    // Key in the storage backend (.data/uploads or the S3 bucket).
    storageKey: text().notNull(),
    // Seconds, for audio and video (W3 voice notes).
    duration: real(),
    width: integer(),
    height: integer(),
    isVoiceNote: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('attachments_message_idx').on(t.messageId),
    // The stale-upload sweep reads only unlinked rows, oldest first.
    index('attachments_unlinked_created_idx').on(t.createdAt).where(sql`${t.messageId} is null`),
  ],
);

export type Message = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;
export type Attachment = typeof attachments.$inferSelect;
