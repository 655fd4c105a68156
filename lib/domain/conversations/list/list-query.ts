import { z } from 'zod';
import { ZConversationFilter, type TConversationFilter } from '../filters/filter-schema';
import { parseFilterParam } from '../filters/parse-filter-param';
import type { DomainError } from '../../errors';
import { ZDbId } from '../../request-values';

// The state of the conversation list (L2 status, L3 sort, L4 filter, L5 tab, page cursor), read from
// the URL. Every field falls back to its default on junk: a hand-edited or stale link shows a list,
// never an error page.

// Which sidebar view the list shows (V1-V7). It comes from the route segment, not the query string.
export const ZListView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('mentions') }),
  z.object({ kind: z.literal('unattended') }),
  z.object({ kind: z.literal('inbox'), inboxId: ZDbId }),
  z.object({ kind: z.literal('label'), labelId: ZDbId }),
  z.object({ kind: z.literal('team'), teamId: ZDbId }),
  z.object({ kind: z.literal('saved'), savedViewId: ZDbId }),
]);
export type TListView = z.output<typeof ZListView>;
// Route params are strings: `{ kind: 'inbox', inboxId: params.id }` is accepted and coerced.
export type TListViewInput = z.input<typeof ZListView>;

export const ZListTab = z.enum(['mine', 'unassigned', 'all']);
export const ZListStatus = z.enum(['open', 'resolved', 'pending', 'snoozed', 'all']);
export const ZListSort = z.enum(['recent', 'created', 'priority', 'waiting']);
export type TListTab = z.output<typeof ZListTab>;
export type TListStatus = z.output<typeof ZListStatus>;
export type TListSort = z.output<typeof ZListSort>;

// Chatwoot opens the list on "Mías", open conversations, most recent first.
export const listQueryDefaults = { tab: 'mine', status: 'open', sort: 'recent' } as const satisfies {
  tab: TListTab;
  status: TListStatus;
  sort: TListSort;
};

// A view whose rule already picks the conversations (mentions of me, unattended) opens on "Todos":
// its "Mías" tab would often be empty while the panel counts the view's conversations.
export const defaultTabOf = (kind: TListView['kind'] | undefined): TListTab =>
  kind === 'mentions' || kind === 'unattended' ? 'all' : listQueryDefaults.tab;

export const ZListQuery = z.object({
  tab: ZListTab.catch(listQueryDefaults.tab),
  status: ZListStatus.catch(listQueryDefaults.status),
  sort: ZListSort.catch(listQueryDefaults.sort),
  // Opaque (keyset.ts); a tampered one is ignored there and the first page is shown.
  cursor: z.string().min(1).max(512).optional().catch(undefined),
  filter: ZConversationFilter.optional().catch(undefined),
});
export type TListQuery = z.output<typeof ZListQuery>;
// What domain callers pass: any subset, the rest takes defaults.
export type TListQueryInput = Partial<TListQuery>;

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

const first = (params: SearchParamsLike, key: string): string | undefined => {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
};

// Reads the list state from a page's searchParams. Never throws: junk takes defaults (the tab: the
// view's, defaultTabOf); a `filter` that is not a valid L4 filter is dropped and returned as `error`
// (INVALID_INPUT) for the page to show.
export const parseListQuery = (params: SearchParamsLike, view?: Pick<TListView, 'kind'>): { query: TListQuery; error?: DomainError } => {
  const { filter, error } = parseFilterParam(first(params, 'filter'));
  const tab = ZListTab.safeParse(first(params, 'tab'));
  const query = ZListQuery.parse({
    tab: tab.success ? tab.data : defaultTabOf(view?.kind),
    status: first(params, 'status'),
    sort: first(params, 'sort'),
    cursor: first(params, 'cursor'),
    filter: error ? undefined : filter,
  });
  return error ? { query, error } : { query };
};

// The inverse of parseListQuery (given the same view), for links that keep the list state: only
// non-default values, so URLs stay short and a default never needs to be spelled out.
export const listQueryToSearchParams = (query: TListQueryInput, view?: Pick<TListView, 'kind'>): URLSearchParams => {
  const params = new URLSearchParams();
  if (query.tab && query.tab !== defaultTabOf(view?.kind)) params.set('tab', query.tab);
  if (query.status && query.status !== listQueryDefaults.status) params.set('status', query.status);
  if (query.sort && query.sort !== listQueryDefaults.sort) params.set('sort', query.sort);
  if (query.filter) params.set('filter', JSON.stringify(query.filter satisfies TConversationFilter));
  if (query.cursor) params.set('cursor', query.cursor);
  return params;
};
