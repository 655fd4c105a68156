import { notFound } from 'next/navigation';
import { ChatPanel } from '@/components/chat/chat-panel';
import { sidebarState } from '@/components/contact-sidebar/contact-panel';
import { ConversationWorkspace } from '@/components/shell/conversation-workspace';
import { requireCtx } from '@/lib/auth/session';
import { getConversation } from '@/lib/domain/conversations/get-conversation';
import { listConversations, type ConversationList } from '@/lib/domain/conversations/list/list-conversations';
import { parseListQuery, ZListView, type TListViewInput } from '@/lib/domain/conversations/list/list-query';
import { isDomainError, type DomainError } from '@/lib/domain/errors';
import { ListPanel } from './list-panel';
import { listHref } from './view-path';
import { viewTitle } from './view-title';

type RouteParams = Record<string, string>;
type PageProps = { params: Promise<RouteParams>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The page of a view (V1-V7) and of a conversation inside it: each route segment only says which
// view it is. The list state lives in the URL, so every view is a link a team lead can share.
export const viewPage = (toView: (params: RouteParams) => TListViewInput) => {
  const ViewPage = async ({ params, searchParams }: PageProps) => {
    const [routeParams, search, ctx] = await Promise.all([params, searchParams, requireCtx()]);
    const parsedView = ZListView.safeParse(toView(routeParams));
    if (!parsedView.success) notFound();
    const view = parsedView.data;
    const { query, error: queryError } = parseListQuery(search, view);

    const conversationId = routeParams.conversationId ? Number(routeParams.conversationId) : null;
    if (conversationId !== null && !(Number.isInteger(conversationId) && conversationId > 0)) notFound();
    // The list, the open conversation and the title are independent reads: side by side.
    const [listed, conversation, title] = await Promise.all([
      listConversations(ctx, view, query).then(
        (list): { list: ConversationList | null; error?: DomainError } => ({ list }),
        (error: unknown) => {
          if (isDomainError(error) && error.code === 'NOT_FOUND') notFound();
          // A saved view whose filter no longer holds: say so, show an empty list.
          if (isDomainError(error) && error.code === 'INVALID_INPUT') return { list: null, error };
          throw error;
        },
      ),
      conversationId ? getConversation(ctx, { conversationId }).catch(notFoundOn404) : null,
      viewTitle(ctx, view),
    ]);
    const { list } = listed;
    const listError = listed.error ?? queryError;
    const backHref = listHref(view, query);
    const sidebar = conversation ? sidebarState(search, listHref(view, query, { conversationId: conversation.id }), backHref) : null;
    const chat = conversation ? <ChatPanel ctx={ctx} conversation={conversation} backHref={backHref} sidebar={sidebar} /> : undefined;

    return (
      <ConversationWorkspace ctx={ctx} title={title} chat={chat}>
        <ListPanel ctx={ctx} view={view} title={title} query={query} list={list} error={listError} activeId={conversationId} showFilter={search.panel === 'filter'} />
      </ConversationWorkspace>
    );
  };
  return ViewPage;
};

// A conversation the actor may not see is a 404, like one that does not exist.
const notFoundOn404 = (error: unknown): never => {
  if (isDomainError(error) && error.code === 'NOT_FOUND') notFound();
  throw error;
};
