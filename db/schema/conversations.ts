import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts, users } from './accounts';
import { contactInboxes, contacts, type CustomAttributes } from './contacts';
import { conversationStatusEnum, priorityEnum } from './enums';
import { inboxes } from './inboxes';
import { labels } from './labels';
import { messages } from './messages';
import { teams } from './teams';

export const conversations = pgTable(
  'conversations',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    accountId: integer().notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    // The number agents see (#123), sequential per account (accounts.last_conversation_display_id).
    displayId: integer().notNull(),
    // Public, unguessable id for the client API, the widget and email reply addresses.
    uuid: text().notNull().default(sql`gen_random_uuid()::text`),
    inboxId: integer().notNull().references(() => inboxes.id, { onDelete: 'cascade' }),
    contactId: integer().notNull().references(() => contacts.id, { onDelete: 'cascade' }),
    contactInboxId: integer().references(() => contactInboxes.id, { onDelete: 'set null' }),
    status: conversationStatusEnum().notNull().default('open'),
    // With status snoozed: null means "until the customer's next reply" (C2).
    snoozedUntil: timestamp({ withTimezone: true }),
    priority: priorityEnum().notNull().default('none'),
    assigneeId: integer().references(() => users.id, { onDelete: 'set null' }),
    teamId: integer().references(() => teams.id, { onDelete: 'set null' }),
    customAttributes: jsonb().$type<CustomAttributes>().notNull().default({}),
    // The ids of its labels, sorted: a copy of conversation_labels kept by a trigger on that table
    // (migration 0011), never written by the app. Label conditions of the filter panel (L4) and the
    // label views (V5) read it through its GIN index, so "label A OR label B OR priority" is one
    // bitmap OR instead of a probe of conversation_labels for every conversation.
    labelIds: integer().array().notNull().default(sql`'{}'::integer[]`),
    // The contact's folded name (contacts.search_name), copied by triggers (migration 0011) whenever
    // the conversation is written and, on a rename, to the contact's conversations that no other
    // transaction holds at that moment (the others take it at their next change); never written by
    // the app. The filter panel's "contact name" (L4) is then a condition on the conversation itself,
    // answered by a trigram index, instead of a lookup of the contact for every conversation.
    contactSearchName: text().notNull().default(''),
    // Set by the first public agent reply; null means the first reply is still pending (V3).
    firstReplyAt: timestamp({ withTimezone: true }),
    // Set when the customer writes after the last agent reply, cleared by the next reply (V3).
    waitingSince: timestamp({ withTimezone: true }),
    lastActivityAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Customer's last view of the conversation (widget), for read receipts.
    contactLastSeenAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('conversations_account_display_id_key').on(t.accountId, t.displayId),
    uniqueIndex('conversations_uuid_key').on(t.uuid),
    // Every DESC below is NULLS FIRST because that is what the queries' `ORDER BY … DESC` means: with
    // drizzle's plain .desc() (NULLS LAST) PostgreSQL cannot read the index in order and sorts every
    // matching row instead (bench/README.md: 30k open conversations sorted for each 25-row page).
    // List (V1/V4, L2, L3 "Más reciente") with keyset pagination, per account and per inbox. The
    // trailing columns are never searched on: they make the tab counts (L5) and the views panel counts
    // (V1-V4, V6) index-only scans instead of a visit to every conversation row they count.
    index('conversations_account_status_activity_idx').on(
      t.accountId,
      t.status,
      t.lastActivityAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
      t.inboxId,
      t.assigneeId,
      t.teamId,
      t.firstReplyAt,
      t.waitingSince,
    ),
    index('conversations_inbox_status_activity_idx').on(
      t.inboxId,
      t.status,
      t.lastActivityAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
      t.assigneeId,
      t.teamId,
      t.firstReplyAt,
      t.waitingSince,
    ),
    // L5 tab counts (and V1/V4 view counts): only what they read, so the count of 150k resolved
    // conversations is an index-only scan of a small index (equal keys are deduplicated: 1.4 MB for
    // 200k rows) instead of a parallel scan of the table. Agents' inboxes are a range of it.
    index('conversations_account_status_inbox_assignee_idx').on(t.accountId, t.status, t.inboxId, t.assigneeId),
    // L3 sorts other than "Más reciente" with any status, and "Más reciente" with "Todos los estados":
    // one index per order, walked in order to the first page. Status, inbox and assignee trail the
    // keys so the status (L2), the agents' inboxes and the tab (L5) are checked inside the index
    // (index-only scans); a status of few conversations filtered this way still costs a few thousand
    // index entries, and PostgreSQL takes the status indexes above when that is cheaper.
    index('conversations_account_activity_idx').on(
      t.accountId,
      t.lastActivityAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
      t.status,
      t.inboxId,
      t.assigneeId,
    ),
    index('conversations_account_created_idx').on(t.accountId, t.createdAt, t.id, t.status, t.inboxId, t.assigneeId),
    index('conversations_account_priority_idx').on(
      t.accountId,
      t.priority,
      t.lastActivityAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
      t.status,
      t.inboxId,
      t.assigneeId,
    ),
    index('conversations_account_waiting_idx').on(t.accountId, t.waitingSince.asc().nullsLast(), t.id, t.status, t.inboxId, t.assigneeId),
    // L5 "Mías" and the assignee filter. The trailing columns are never searched on: the "Mías" count of
    // a filtered list checks the usual conditions (scope, inbox, team, priority, dates, labels) inside
    // the index instead of visiting each of the agent's conversations (bench/README.md finding 20).
    index('conversations_assignee_status_activity_idx').on(
      t.assigneeId,
      t.status,
      t.lastActivityAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
      t.accountId,
      t.inboxId,
      t.teamId,
      t.priority,
      t.createdAt,
      t.labelIds,
    ),
    // V6 team views.
    index('conversations_team_status_activity_idx').on(t.teamId, t.status, t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // H1 previous conversations of a contact; contact merge and delete; agents' contact scope (EXISTS).
    index('conversations_contact_idx').on(t.contactId, t.createdAt.desc().nullsFirst()),
    // L4 label conditions and V5 label views (`label_ids && …`).
    index('conversations_label_ids_idx').using('gin', t.labelIds),
    // L4 "contact name" conditions (contains / equal on the folded name).
    index('conversations_contact_search_name_trgm_idx').using('gin', t.contactSearchName.op('gin_trgm_ops')),
    // L4 list attribute conditions (`custom_attributes @> {"key": "value"}`).
    index('conversations_custom_attributes_idx').using('gin', t.customAttributes.op('jsonb_path_ops')),
    // C2 snooze wake-up sweep.
    index('conversations_snoozed_until_idx').on(t.snoozedUntil).where(sql`${t.status} = 'snoozed'`),
  ],
);

export const conversationLabels = pgTable(
  'conversation_labels',
  {
    conversationId: integer().notNull().references(() => conversations.id, { onDelete: 'cascade' }),
    labelId: integer().notNull().references(() => labels.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // V5 label views start from the label.
  (t) => [primaryKey({ columns: [t.conversationId, t.labelId] }), index('conversation_labels_label_idx').on(t.labelId, t.conversationId)],
);

// P1: agents taking part without being the assignee (the assignee and mentioned agents join too).
export const conversationParticipants = pgTable(
  'conversation_participants',
  {
    conversationId: integer().notNull().references(() => conversations.id, { onDelete: 'cascade' }),
    userId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.userId] }), index('conversation_participants_user_idx').on(t.userId)],
);

// V2: one row per (user, conversation), moved forward by each new mention.
export const mentions = pgTable(
  'mentions',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    accountId: integer().notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    userId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
    conversationId: integer().notNull().references(() => conversations.id, { onDelete: 'cascade' }),
    messageId: integer().references(() => messages.id, { onDelete: 'set null' }),
    mentionedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mentions_user_conversation_key').on(t.userId, t.conversationId),
    // "newest mention first" (NULLS FIRST like ORDER BY … DESC, see conversations)
    index('mentions_user_mentioned_at_idx').on(t.userId, t.mentionedAt.desc().nullsFirst()),
  ],
);

// C3: an agent's mute of a conversation, until mutedUntil (6 hours by default).
export const conversationMutes = pgTable(
  'conversation_mutes',
  {
    conversationId: integer().notNull().references(() => conversations.id, { onDelete: 'cascade' }),
    userId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
    mutedUntil: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.userId] })],
);

// Per-agent read state, for unread counts (L6) and "opening marks it read".
export const conversationReads = pgTable(
  'conversation_reads',
  {
    conversationId: integer().notNull().references(() => conversations.id, { onDelete: 'cascade' }),
    userId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
    lastReadAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.conversationId] })],
);

export type Conversation = typeof conversations.$inferSelect;
export type NewConversation = typeof conversations.$inferInsert;
