import { clientIp } from '@/lib/auth/client-ip';
import { apiError, apiJson, systemCtx } from '@/app/public/api/v1/_lib/client-api-route';
import { CLIENT_API_LIMITS, takeToken } from '@/lib/domain/channels/api/rate-limit';
import { loadWidgetInbox, visitorFromToken, type Visitor, type WidgetInbox } from '@/lib/domain/channels/widget/widget-session';
import type { SystemCtx } from '@/lib/domain/context';
import { isDomainError } from '@/lib/domain/errors';

export const VISITOR_HEADER = 'x-bandeja-visitor';

export type WidgetCall = { ctx: SystemCtx; inbox: WidgetInbox; request: Request; visitor: Visitor | null };

// The widget's JSON API (called from the widget's own page, on the app's origin): the website inbox
// by its identifier, the client API's rate limits (per inbox; per visitor; new sessions per inbox
// and IP address), errors as `{ error, message, details }` (401 for a missing or bad visitor token).
export const widgetHandler =
  (handle: (call: WidgetCall) => Promise<Response>, { visitor: needsVisitor = true, ports }: { visitor?: boolean; ports?: () => Promise<SystemCtx> } = {}) =>
  async (request: Request, { params }: { params: Promise<{ inboxIdentifier: string }> }): Promise<Response> => {
    try {
      const ctx = await (ports ?? systemCtx)();
      const inbox = await loadWidgetInbox(ctx.db, (await params).inboxIdentifier);
      takeToken(`widget-inbox:${inbox.id}`, CLIENT_API_LIMITS.inbox);
      const visitor = needsVisitor ? visitorFromToken(inbox, request.headers.get(VISITOR_HEADER), ctx.now()) : null;
      if (visitor) takeToken(`widget-visitor:${visitor.sourceId}`, CLIENT_API_LIMITS.contact);
      else takeToken(`widget-session:${inbox.id}:${clientIp(request.headers)}`, CLIENT_API_LIMITS.createContact);
      return await handle({ ctx, inbox, request, visitor });
    } catch (error) {
      if (isDomainError(error) && error.code === 'UNAUTHENTICATED') return apiJson({ error: error.code, message: 'Visitor token missing, invalid or expired', details: {} }, 401);
      return apiError(error);
    }
  };

export const visitorOf = (visitor: Visitor | null): Visitor => {
  if (!visitor) throw new Error('widget route: a visitor was expected');
  return visitor;
};
