import { clientIp } from '@/lib/auth/client-ip';
import { apiError, apiJson, errorBody, failedFrom, systemCtx } from '@/app/public/api/v1/_lib/client-api-route';
import { CLIENT_API_LIMITS, takeToken } from '@/lib/domain/channels/api/rate-limit';
import { loadWidgetInbox, visitorFromToken, type Visitor, type WidgetInbox } from '@/lib/domain/channels/widget/widget-session';
import type { SystemCtx } from '@/lib/domain/context';
import { isDomainError } from '@/lib/domain/errors';

export const VISITOR_HEADER = 'x-bandeja-visitor';

export type WidgetCall = { ctx: SystemCtx; inbox: WidgetInbox; request: Request; visitor: Visitor | null };

// The widget's JSON API (called from the widget's own page, on the app's origin): the website inbox
// by its identifier, the client API's rate limits (per visitor and per inbox and IP address once the
// token is verified; bad tokens per IP address; new sessions per inbox and IP address), errors as `{ error, message, details, description, errors }` (401 for a missing or bad visitor token).
export const widgetHandler =
  (handle: (call: WidgetCall) => Promise<Response>, { visitor: needsVisitor = true, ports }: { visitor?: boolean; ports?: () => Promise<SystemCtx> } = {}) =>
  async (request: Request, { params }: { params: Promise<{ inboxIdentifier: string }> }): Promise<Response> => {
    try {
      const ctx = await (ports ?? systemCtx)();
      const now = ctx.now();
      const ip = clientIp(request.headers);
      const inbox = await loadWidgetInbox(ctx.db, (await params).inboxIdentifier).catch(failedFrom(ip, now.getTime()));
      // The token is checked before any shared bucket is spent: a bad one costs its IP's failures only.
      const visitor = needsVisitor ? verifiedVisitor(inbox, request, now, ip) : null;
      if (visitor) {
        takeToken(`widget-visitor:${visitor.sourceId}`, CLIENT_API_LIMITS.contact, now.getTime());
        takeToken(`widget-inbox:${inbox.id}:${ip}`, CLIENT_API_LIMITS.inbox, now.getTime());
      } else takeToken(`widget-session:${inbox.id}:${ip}`, CLIENT_API_LIMITS.createContact, now.getTime());
      return await handle({ ctx, inbox, request, visitor });
    } catch (error) {
      if (isDomainError(error) && error.code === 'UNAUTHENTICATED') return apiJson(errorBody(error.code, 'Visitor token missing, invalid or expired'), 401);
      return apiError(error);
    }
  };

// The request's visitor; a missing or bad token counts against the IP's failure bucket (401).
const verifiedVisitor = (inbox: WidgetInbox, request: Request, now: Date, ip: string): Visitor => {
  try {
    return visitorFromToken(inbox, request.headers.get(VISITOR_HEADER), now);
  } catch (error) {
    return failedFrom(ip, now.getTime())(error);
  }
};

export const visitorOf = (visitor: Visitor | null): Visitor => {
  if (!visitor) throw new Error('widget route: a visitor was expected');
  return visitor;
};
