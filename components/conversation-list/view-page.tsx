import { notFound } from 'next/navigation';
import { ChatPanel } from '@/components/chat/chat-panel';
import { sidebarState } from '@/components/contact-sidebar/contact-panel';
import { OpenConversation } from '@/components/shell/conversation-workspace';
import { requireCtx } from '@/lib/auth/session';
import { getConversation } from '@/lib/domain/conversations/get-conversation';
import { parseListQuery, ZListView, type TListViewInput } from '@/lib/domain/conversations/list/list-query';
import { isDomainError } from '@/lib/domain/errors';
import type { RouteParams } from './route-views';
import { listHref } from './view-path';

type PageProps = { params: Promise<RouteParams>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The page of a conversation inside a view (V1-V7): the chat panel beside the list that the view's
// layout renders (view-layout.tsx). Each route folder only says which view it is.
export const viewPage = (toView: (params: RouteParams) => TListViewInput) => {
  const ViewPage = async ({ params, searchParams }: PageProps) => {
    const [routeParams, search, ctx] = await Promise.all([params, searchParams, requireCtx()]);
    const parsedView = ZListView.safeParse(toView(routeParams));
    const conversationId = Number(routeParams.conversationId);
    if (!parsedView.success || !(Number.isInteger(conversationId) && conversationId > 0)) notFound();
    const view = parsedView.data;
    const { query } = parseListQuery(search, view);
    const conversation = await getConversation(ctx, { conversationId }).catch(notFoundOn404);
    const backHref = listHref(view, query);
    const sidebar = sidebarState(search, listHref(view, query, { conversationId: conversation.id }), backHref);
    return (
      <OpenConversation>
        <ChatPanel ctx={ctx} conversation={conversation} backHref={backHref} sidebar={sidebar} />
      </OpenConversation>
    );
  };
  return ViewPage;
};

// A conversation the actor may not see is a 404, like one that does not exist.
const notFoundOn404 = (error: unknown): never => {
  if (isDomainError(error) && error.code === 'NOT_FOUND') notFound();
  throw error;
};
