import { and, asc, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { conversationLabels, conversations, customAttributeDefinitions, labels, type CustomAttributeDefinition, type Label } from '@/db/schema';
import { conversationScope } from '@/lib/domain/authorization/scope';
import type { Ctx } from '@/lib/domain/context';
import { buildFilterCondition } from '@/lib/domain/conversations/filters/build-filter';

// Test data and helpers for the L4 filter and saved views (V7).

export const createLabel = async (db: Db, options: { accountId: number; title?: string }): Promise<Label> => {
  const [label] = await db
    .insert(labels)
    .values({ accountId: options.accountId, title: options.title ?? `label-${crypto.randomUUID().slice(0, 8)}` })
    .returning();
  return label;
};

export const addLabels = async (db: Db, conversationId: number, labelIds: number[]): Promise<void> => {
  for (const labelId of labelIds) await db.insert(conversationLabels).values({ conversationId, labelId });
};

export const createAttributeDefinition = async (
  db: Db,
  options: {
    accountId: number;
    model: 'conversation' | 'contact';
    key: string;
    type: CustomAttributeDefinition['type'];
    listValues?: string[];
  },
): Promise<CustomAttributeDefinition> => {
  const [definition] = await db
    .insert(customAttributeDefinitions)
    .values({ ...options, displayName: options.key, listValues: options.listValues ?? [] })
    .returning();
  return definition;
};

// The ids of the conversations the actor sees through the filter, as the list would query them:
// the filter's condition ANDed with the authorization scope.
export const filteredIds = async (ctx: Ctx, filter: unknown): Promise<number[]> => {
  const condition = await buildFilterCondition(ctx, filter as Record<string, unknown>);
  const rows = await ctx.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(conversationScope(ctx.actor), condition))
    .orderBy(asc(conversations.id));
  return rows.map((row) => row.id);
};

// The number of rows of a table, to show an injection attempt left it intact.
export const countRows = async (db: Db, table: typeof conversations | typeof labels): Promise<number> => {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(table);
  return row.count;
};
