import { notFound } from 'next/navigation';
import { ListWorkspace } from '@/components/shell/conversation-workspace';
import { requireCtx } from '@/lib/auth/session';
import { listConversations, type ConversationList } from '@/lib/domain/conversations/list/list-conversations';
import { parseListQuery } from '@/lib/domain/conversations/list/list-query';
import { isDomainError, type DomainError } from '@/lib/domain/errors';
import { listStateOfSegment } from '@/lib/routing/list-state-segment';
import { ListPanel } from './list-panel';
import { viewOf, type RouteParams, type ViewRoute } from './view-route';
import { viewTitle } from './view-title';

type LayoutProps = { params: Promise<RouteParams>; children: React.ReactNode };

// The list of a view (V1-V7) around its chat panel (the page). The middleware puts the list state
// in the `[listState]` segment (lib/routing/list-state-segment.ts), so this layout renders again
// when the view, tab, status, sort or filter changes, and not when another conversation opens.
export const viewLayout = (route: ViewRoute) => {
  const ViewLayout = async ({ params, children }: LayoutProps) => {
    const [routeParams, ctx] = await Promise.all([params, requireCtx()]);
    const view = viewOf(route, routeParams);
    const search = listStateOfSegment(routeParams.listState ?? '');
    if (!search) notFound();
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
      <ListWorkspace ctx={ctx} title={title} chat={children}>
        <ListPanel ctx={ctx} view={view} title={title} query={query} list={listed.list} error={listed.error ?? queryError} showFilter={search.get('panel') === 'filter'} />
      </ListWorkspace>
    );
  };
  return ViewLayout;
};
