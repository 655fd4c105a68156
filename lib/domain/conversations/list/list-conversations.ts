import type { Ctx } from '../../context';
import type { ConversationDetails } from '../conversation-details';
import { countTabsWhere, type TabCounts } from './count-tabs';
import { buildListConditions, type ListConditions } from './list-conditions';
import { listConversationPage } from './list-conversation-page';
import { ZListQuery, type TListQuery, type TListQueryInput, type TListView, type TListViewInput } from './list-query';
import { loadPreviewCards, loadPreviewCardsWithDetails, type PreviewCard } from './load-preview-cards';

export type ConversationList = {
  items: PreviewCard[];
  // Pass as `cursor` for the next page; null on the last page.
  nextCursor: string | null;
  // L5: the tab counts for the same view, status and filter (whatever tab is shown).
  counts: TabCounts;
  // The view and query as applied (defaults filled in), for links that keep the list state.
  view: TListView;
  query: TListQuery;
  // With `withDetails`: the page's conversation details (the HTTP API's conversation object).
  details?: Map<number, ConversationDetails>;
};

// `withDetails`: the page's details come with its cards (in the cards' own statements), for callers
// that show more than a card (the HTTP API).
export type ListOptions = { withDetails?: boolean };

const listCards = async (ctx: Ctx, conditions: ListConditions, query: TListQuery, options: ListOptions) => {
  const page = await listConversationPage(ctx, conditions, query);
  if (options.withDetails) return { ...(await loadPreviewCardsWithDetails(ctx, page.ids)), nextCursor: page.nextCursor };
  return { items: await loadPreviewCards(ctx, page.ids), nextCursor: page.nextCursor };
};

// Everything the conversation list panel shows, in one call: one page of preview cards (L6) of a view
// (V1-V7) with its status (L2), sort (L3), filter (L4) and tab (L5), plus the three tab counts.
// The view is resolved and authorised once (NOT_FOUND for a view the actor may not open;
// INVALID_INPUT for a filter that does not hold); the page and the counts then run side by side.
export const listConversations = async (ctx: Ctx, view: TListViewInput, queryInput: TListQueryInput = {}, options: ListOptions = {}): Promise<ConversationList> => {
  const query = ZListQuery.parse(queryInput);
  const conditions = await buildListConditions(ctx, view, query);
  // The preview cards need only the page: they load while the counts may still run.
  const [cards, counts] = await Promise.all([listCards(ctx, conditions, query, options), countTabsWhere(ctx, conditions)]);
  return { ...cards, counts, view: conditions.view, query };
};

// One more page of a list for infinite scroll: the cards alone, no counts (the panel already shows them).
export const listMoreConversations = async (
  ctx: Ctx,
  view: TListViewInput,
  queryInput: TListQueryInput = {},
  options: ListOptions = {},
): Promise<Pick<ConversationList, 'items' | 'nextCursor' | 'details'>> => {
  const query = ZListQuery.parse(queryInput);
  return listCards(ctx, await buildListConditions(ctx, view, query), query, options);
};
