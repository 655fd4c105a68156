import { and } from 'drizzle-orm';
import { conversations } from '@/db/schema';
import type { Ctx } from '../../context';
import { keysetFor } from './keyset';
import { joinMentionsFor, type ListConditions } from './list-conditions';
import type { TListQuery } from './list-query';

// L3: 25 conversations per page, as Chatwoot loads them.
export const LIST_PAGE_SIZE = 25;

export type ConversationPage = { ids: number[]; nextCursor: string | null };

// The query of listConversationPage, built but not run (bench/build-cost.ts times the building).
export const conversationPageQuery = (ctx: Ctx, conditions: ListConditions, query: Pick<TListQuery, 'tab' | 'sort' | 'cursor'>, pageSize: number) => {
  const keyset = keysetFor(query.sort, conditions.view);
  return joinMentionsFor(ctx.db.select({ id: conversations.id, key: keyset.key }).from(conversations).$dynamic(), conditions)
    .where(and(conditions.where, conditions.tabs[query.tab], keyset.after(query.cursor)))
    .orderBy(...keyset.orderBy)
    .limit(pageSize + 1);
};

// The ids of one page of the list, in order, for conditions built by buildListConditions. One row
// more than the page is read to know whether another page follows.
export const listConversationPage = async (
  ctx: Ctx,
  conditions: ListConditions,
  query: Pick<TListQuery, 'tab' | 'sort' | 'cursor'>,
  options: { pageSize?: number } = {},
): Promise<ConversationPage> => {
  const pageSize = options.pageSize ?? LIST_PAGE_SIZE;
  const keyset = keysetFor(query.sort, conditions.view);
  const rows = await conversationPageQuery(ctx, conditions, query, pageSize);

  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return { ids: page.map((row) => row.id), nextCursor: rows.length > pageSize && last ? keyset.cursorOf(last) : null };
};
