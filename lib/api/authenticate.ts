import { authenticateApiToken, type ApiTokenActor } from '@/lib/domain/api-tokens/authenticate-api-token';
import { takeToken, type RateLimit } from '@/lib/domain/channels/api/rate-limit';
import type { SystemCtx } from '@/lib/domain/context';
import { DomainError } from '@/lib/domain/errors';

// Per token, IN MEMORY and therefore PER APP INSTANCE (N instances allow N times the rate), like the
// client API's buckets: a guard against a runaway integration, not a quota.
export const API_TOKEN_LIMIT: RateLimit = { perMinute: 300, burst: 60 };

// Chatwoot's header first, then the standard one.
export const tokenOf = (request: Request): string | null => {
  const header = request.headers.get('api_access_token') ?? request.headers.get('api-access-token');
  if (header?.trim()) return header.trim();
  const authorization = request.headers.get('authorization');
  const bearer = authorization && /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return bearer ? bearer[1] : null;
};

// The request's token holder, with the token's rate limit taken: UNAUTHENTICATED (401) without a
// live token of an active member, RATE_LIMITED (429, retryAfter) past the limit. The clock is the
// ctx's, so tests control it.
export const authenticateRequest = async (ports: SystemCtx, request: Request): Promise<ApiTokenActor> => {
  const token = tokenOf(request);
  const now = ports.now();
  const found = token ? await authenticateApiToken(ports.db, token, now) : null;
  if (!found) throw new DomainError('UNAUTHENTICATED');
  takeToken(`api-token:${found.tokenId}`, API_TOKEN_LIMIT, now.getTime());
  return found;
};
