import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { inboxes } from './inboxes';
import { labels } from './labels';

export type SocialProfiles = { facebook?: string; twitter?: string; linkedin?: string; github?: string };
export type CustomAttributes = Record<string, string | number | boolean | null>;

// A customer. Unique per account by email (case-insensitive) and by normalised phone.
export const contacts = pgTable(
  'contacts',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    accountId: integer().notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    name: text().notNull().default(''),
    email: text(),
    phone: text(),
    avatarUrl: text(),
    bio: text(),
    company: text(),
    country: text(),
    city: text(),
    socialProfiles: jsonb().$type<SocialProfiles>().notNull().default({}),
    // The customer's id in the account's own systems (widget identity, client API).
    identifier: text(),
    customAttributes: jsonb().$type<CustomAttributes>().notNull().default({}),
    // The name folded as search folds it (f_unaccent(lower(name))), stored: contact search (L1) and the
    // filter panel's "contact name" (L4) match it without folding every candidate contact per query.
    searchName: text().generatedAlwaysAs(sql`f_unaccent(lower(name))`),
    lastActivityAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contacts_account_email_key').on(t.accountId, sql`lower(${t.email})`).where(sql`${t.email} is not null`),
    uniqueIndex('contacts_account_phone_key').on(t.accountId, t.phone).where(sql`${t.phone} is not null`),
    uniqueIndex('contacts_account_identifier_key').on(t.accountId, t.identifier).where(sql`${t.identifier} is not null`),
    // L1 contact search: partial, accent-insensitive matches on name, email and phone.
    index('contacts_search_name_trgm_idx').using('gin', t.searchName.op('gin_trgm_ops')),
    index('contacts_email_trgm_idx').using('gin', sql`lower(${t.email}) gin_trgm_ops`),
    index('contacts_phone_trgm_idx').using('gin', sql`${t.phone} gin_trgm_ops`),
    // L1 contact search in its order (last activity desc nulls last, id desc): a common partial name
    // or email ("mart", "gmail") walks this index to the first 20 matches instead of sorting thousands.
    index('contacts_account_activity_idx').on(t.accountId, t.lastActivityAt.desc().nullsLast(), t.id.desc().nullsFirst()),
  ],
);

// The link between a contact and an inbox, with the channel's id for that contact
// (widget session id, API source id, email address).
export const contactInboxes = pgTable(
  'contact_inboxes',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    contactId: integer().notNull().references(() => contacts.id, { onDelete: 'cascade' }),
    inboxId: integer().notNull().references(() => inboxes.id, { onDelete: 'cascade' }),
    sourceId: text().notNull(),
    hmacVerified: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contact_inboxes_inbox_source_key').on(t.inboxId, t.sourceId), index('contact_inboxes_contact_idx').on(t.contactId)],
);

// Labels classify contacts as well as conversations (V5).
export const contactLabels = pgTable(
  'contact_labels',
  {
    contactId: integer().notNull().references(() => contacts.id, { onDelete: 'cascade' }),
    labelId: integer().notNull().references(() => labels.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.labelId] }), index('contact_labels_label_idx').on(t.labelId)],
);

export type Contact = typeof contacts.$inferSelect;
export type NewContact = typeof contacts.$inferInsert;
export type ContactInbox = typeof contactInboxes.$inferSelect;
