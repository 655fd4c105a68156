import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { accounts, users } from './accounts';
import { macroVisibilityEnum } from './enums';

// One step of a macro (M1); params are validated by the macro module for each action name.
export type MacroAction = { action: string; params?: Record<string, unknown> };

export const macros = pgTable(
  'macros',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    accountId: integer().notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    visibility: macroVisibilityEnum().notNull().default('personal'),
    createdById: integer().references(() => users.id, { onDelete: 'set null' }),
    // Ordered: the macro runs them first to last.
    actions: jsonb().$type<MacroAction[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('macros_account_idx').on(t.accountId)],
);

export type Macro = typeof macros.$inferSelect;
