import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';

export const labels = pgTable(
  'labels',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    accountId: integer().notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    description: text(),
    color: text().notNull().default('#1f93ff'),
    showOnSidebar: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('labels_account_title_key').on(t.accountId, sql`lower(${t.title})`)],
);

export type Label = typeof labels.$inferSelect;
