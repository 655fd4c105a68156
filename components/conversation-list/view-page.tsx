import { notFound } from 'next/navigation';
import { ChatPanel } from '@/components/chat/chat-panel';
import { sidebarState } from '@/components/contact-sidebar/contact-panel';
import { ChatSection } from '@/components/shell/conversation-workspace';
import { requireCtx } from '@/lib/auth/session';
import { getConversation } from '@/lib/domain/conversations/get-conversation';
import { parseListQuery } from '@/lib/domain/conversations/list/list-query';
import { isDomainError } from '@/lib/domain/errors';
import { listHref } from './view-path';
import { viewOf, type RouteParams, type ViewRoute } from './view-route';

type PageProps = { params: Promise<RouteParams>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The chat panel of a view (V1-V7) with the conversation of the URL. The view's list is its layout
// (view-layout.tsx), so opening another conversation renders only this.
export const viewPage = (route: ViewRoute) => {
  const ViewPage = async ({ params, searchParams }: PageProps) => {
    const [routeParams, search, ctx] = await Promise.all([params, searchParams, requireCtx()]);
    const view = viewOf(route, routeParams);
    const conversationId = Number(routeParams.conversationId);
    if (!(Number.isInteger(conversationId) && conversationId > 0)) notFound();
    const conversation = await getConversation(ctx, { conversationId }).catch(notFoundOn404);
    const { query } = parseListQuery(search, view);
    const backHref = listHref(view, query);
    const sidebar = sidebarState(search, listHref(view, query, { conversationId: conversation.id }), backHref);
    return (
      <ChatSection>
        <ChatPanel ctx={ctx} conversation={conversation} backHref={backHref} sidebar={sidebar} />
      </ChatSection>
    );
  };
  return ViewPage;
};

// A conversation the actor may not see is a 404, like one that does not exist.
const notFoundOn404 = (error: unknown): never => {
  if (isDomainError(error) && error.code === 'NOT_FOUND') notFound();
  throw error;
};
