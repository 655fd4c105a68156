import { integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { attributeModelEnum, attributeTypeEnum } from './enums';

// A1 / A2: the definition of a custom attribute of conversations or contacts.
export const customAttributeDefinitions = pgTable(
  'custom_attribute_definitions',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    accountId: integer().notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    model: attributeModelEnum().notNull(),
    // The key in custom_attributes jsonb.
    key: text().notNull(),
    displayName: text().notNull(),
    description: text(),
    type: attributeTypeEnum().notNull(),
    listValues: jsonb().$type<string[]>().notNull().default([]),
    regexPattern: text(),
    regexHint: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('custom_attribute_definitions_key').on(t.accountId, t.model, t.key)],
);

export type CustomAttributeDefinition = typeof customAttributeDefinitions.$inferSelect;
