import { getDb } from '@/db/client';
import type { Ctx, SystemCtx } from '@/lib/domain/context';
import { DomainError } from '@/lib/domain/errors';
import { getMailer } from '@/lib/mail/mailer';
import { getRealtimePublisher } from '@/lib/realtime/publisher';
import { getStorage } from '@/lib/storage/storage';
import { apiCall, type ApiCall } from './api-call';
import { apiError, apiErrorResponse, apiJson } from './api-error';
import { authenticateRequest } from './authenticate';

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

// One endpoint: its method and path (Chatwoot's, after /api/v1/accounts/{account_id}; `:name`
// segments become params) and the handler, which returns the JSON body (or a whole Response).
// `invalidStatus`: the status of refused input where Chatwoot documents 400 rather than 422 (filters).
export type ApiRoute = { method: ApiMethod; path: string; handle: (call: ApiCall) => Promise<unknown>; invalidStatus?: 400 };

export type ApiPorts = () => Promise<SystemCtx>;

export const defaultPorts: ApiPorts = async () => ({
  db: await getDb(),
  realtime: getRealtimePublisher(),
  mailer: getMailer(),
  storage: getStorage(),
  now: () => new Date(),
});

const matchPath = (pattern: string, segments: string[]): Record<string, string> | null => {
  const parts = pattern.split('/').filter(Boolean);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    if (part.startsWith(':')) params[part.slice(1)] = segments[index];
    else if (part !== segments[index]) return null;
  }
  return params;
};

// The route for a method and path, and whether the path exists under another method (405).
export const findRoute = (routes: readonly ApiRoute[], method: string, segments: string[]) => {
  let pathExists = false;
  for (const route of routes) {
    const params = matchPath(route.path, segments);
    if (!params) continue;
    pathExists = true;
    if (route.method === method) return { route, params, pathExists };
  }
  return { route: null, params: {}, pathExists };
};

type Target = { accountId?: string; segments: string[] };

// The whole request: find the endpoint, authenticate the token, check the path's account is the
// token's (Chatwoot: 401 "not authorized to access this account"), build the actor's ctx, run the
// handler, and answer every refusal in Chatwoot's shape. Bad input is never a 500.
export const dispatchApi = async (routes: readonly ApiRoute[], request: Request, target: Target, ports: ApiPorts = defaultPorts): Promise<Response> => {
  const { route, params, pathExists } = findRoute(routes, request.method, target.segments);
  try {
    if (!route) return pathExists ? apiJson({ error: 'Method not allowed' }, 405) : apiErrorResponse('NOT_FOUND');
    const system = await ports();
    const { actor, recordUse } = await authenticateRequest(system, request);
    if (target.accountId !== undefined && target.accountId !== String(actor.accountId)) {
      await recordUse;
      return apiJson({ error: 'You are not authorized to access this account', message: 'You are not authorized to access this account' }, 401);
    }
    const ctx: Ctx = { ...system, actor };
    // The last-use write runs beside the handler; a refusal of the handler still records the use.
    const [settled] = await Promise.allSettled([route.handle(apiCall(ctx, request, params)), recordUse]);
    if (settled.status === 'rejected') throw settled.reason;
    const result = settled.value;
    if (result instanceof Response) return result;
    return apiJson(result ?? {});
  } catch (error) {
    try {
      const response = apiError(error);
      return route?.invalidStatus && response.status === 422 ? new Response(response.body, { status: route.invalidStatus, headers: response.headers }) : response;
    } catch (unexpected) {
      console.error('api: unexpected error', unexpected);
      return apiJson({ error: 'Internal error' }, 500);
    }
  }
};

// Refusal helpers for handlers.
export const notFound = (): never => {
  throw new DomainError('NOT_FOUND');
};
