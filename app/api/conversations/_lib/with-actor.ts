import { contextFor, currentActor } from '@/lib/auth/session';
import type { Ctx } from '@/lib/domain/context';
import { errorResponse, json } from './json-response';

type RouteContext<P> = { params: Promise<P> };

// A browser sends Origin with every POST; one from another site is refused (the session cookie
// is SameSite=Lax already, this is the second lock). Requests without Origin (curl, server to
// server) carry no ambient credentials to abuse.
const crossSite = (request: Request): boolean => {
  const origin = request.headers.get('origin');
  if (!origin || request.method === 'GET' || request.method === 'HEAD') return false;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
};

// The one wrapper of these route handlers: the session's actor (401 without one, never a redirect:
// the callers are fetch and XHR), the domain ctx, and domain errors as JSON with their status.
export const withActor =
  <P>(handler: (ctx: Ctx, request: Request, params: P) => Promise<Response>) =>
  async (request: Request, { params }: RouteContext<P>): Promise<Response> => {
    if (crossSite(request)) return json({ error: 'FORBIDDEN', details: {} }, 403);
    const actor = await currentActor();
    if (!actor) return json({ error: 'UNAUTHENTICATED', details: {} }, 401);
    try {
      return await handler(await contextFor(actor), request, await params);
    } catch (error) {
      return errorResponse(error);
    }
  };
