import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { ConversationWorkspace } from '@/components/shell/conversation-workspace';
import { requireCtx } from '@/lib/auth/session';
import { listConversations, type ConversationList } from '@/lib/domain/conversations/list/list-conversations';
import { parseListQuery, ZListView, type TListViewInput } from '@/lib/domain/conversations/list/list-query';
import { isDomainError, type DomainError } from '@/lib/domain/errors';
import { ListPanel } from './list-panel';
import { listStateKey, SEARCH_HEADER } from './list-state';
import { ListSync } from './list-sync';
import type { RouteParams } from './route-views';
import { viewTitle } from './view-title';

type LayoutProps = { children: React.ReactNode; params: Promise<RouteParams> };

// The layout of a view (V1-V7): the list, with the chat panel (the page below) beside it. Switching
// conversation changes only the page, so the list is not read nor rendered again (issue 16). The
// list state lives in the URL's search params, so every view is a link a team lead can share; a
// layout gets no search params, so the middleware passes them in a header, and ListSync re-renders
// the list when a client-side navigation changes only them.
export const viewLayout = (toView: (params: RouteParams) => TListViewInput) => {
  const ViewLayout = async ({ children, params }: LayoutProps) => {
    const [routeParams, requestHeaders, ctx] = await Promise.all([params, headers(), requireCtx()]);
    const parsedView = ZListView.safeParse(toView(routeParams));
    if (!parsedView.success) notFound();
    const view = parsedView.data;
    const search = new URLSearchParams(requestHeaders.get(SEARCH_HEADER) ?? '');
    const { query, error: queryError } = parseListQuery(search, view);

    // The list and the title are independent reads: side by side.
    const [listed, title] = await Promise.all([
      listConversations(ctx, view, query).then(
        (list): { list: ConversationList | null; error?: DomainError } => ({ list }),
        (error: unknown) => {
          if (isDomainError(error) && error.code === 'NOT_FOUND') notFound();
          // A saved view whose filter no longer holds: say so, show an empty list.
          if (isDomainError(error) && error.code === 'INVALID_INPUT') return { list: null, error };
          throw error;
        },
      ),
      viewTitle(ctx, view),
    ]);

    return (
      <ConversationWorkspace ctx={ctx} title={title} chat={children}>
        <ListSync renderedKey={listStateKey(search)} />
        <ListPanel ctx={ctx} view={view} title={title} query={query} list={listed.list} error={listed.error ?? queryError} showFilter={search.get('panel') === 'filter'} />
      </ConversationWorkspace>
    );
  };
  return ViewLayout;
};
