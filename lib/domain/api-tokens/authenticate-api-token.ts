import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { accountUsers, apiAccessTokens } from '@/db/schema';
import { actorOf, membershipScopeColumns } from '../authorization/load-actor';
import type { Actor } from '../context';
import { hashApiToken } from './api-token-schemas';

// last_used_at is written at most this often per token: a busy integration must not turn every
// read into a write.
export const LAST_USED_RESOLUTION_MS = 60_000;

// `recordUse`: the last_used_at write, already sent; the caller awaits it once its own work is
// under way (it is not in the request's critical path).
export type ApiTokenActor = { tokenId: number; actor: Actor; recordUse: Promise<void> };

// The token and its person's membership, with the actor's inboxes and teams, in one statement: a
// live token (not revoked) of an active member of the token's account. Built once per database
// handle and prepared (it runs on every API request).
const tokenActorQuery = (db: DbOrTx) =>
  db
    .select({
      tokenId: apiAccessTokens.id,
      userId: apiAccessTokens.userId,
      lastUsedAt: apiAccessTokens.lastUsedAt,
      accountId: accountUsers.accountId,
      role: accountUsers.role,
      ...membershipScopeColumns(),
    })
    .from(apiAccessTokens)
    .innerJoin(
      accountUsers,
      and(eq(accountUsers.userId, apiAccessTokens.userId), eq(accountUsers.accountId, apiAccessTokens.accountId), eq(accountUsers.active, true)),
    )
    .where(and(eq(apiAccessTokens.tokenHash, sql.placeholder('tokenHash')), isNull(apiAccessTokens.revokedAt)))
    .limit(1)
    .prepare('api_token_actor');

const queries = new WeakMap<object, ReturnType<typeof tokenActorQuery>>();

// Who a request's API token acts as: the token's person in the token's account, with the same
// inboxes and role as a session's actor (loadActor), or null for an unknown or revoked token and
// for a person who is no longer an active member. Checked at every request, so a revocation or a
// deactivation takes effect at the next one. last_used_at comes with the check (no read of its
// own) and is written only when it is over a minute old, beside the request's own statements.
export const authenticateApiToken = async (db: DbOrTx, token: string, now: Date): Promise<ApiTokenActor | null> => {
  if (token.length < 10 || token.length > 200) return null;
  let query = queries.get(db);
  if (!query) queries.set(db, (query = tokenActorQuery(db)));
  const [row] = await query.execute({ tokenHash: hashApiToken(token) });
  if (!row) return null;
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  const recordUse =
    !row.lastUsedAt || row.lastUsedAt < stale
      ? // Conditional, so concurrent requests of one token write it once.
        db
          .update(apiAccessTokens)
          .set({ lastUsedAt: now })
          .where(and(eq(apiAccessTokens.id, row.tokenId), or(isNull(apiAccessTokens.lastUsedAt), lt(apiAccessTokens.lastUsedAt, stale))))
          .then(
            () => undefined,
            // A missed last-use mark never fails the request.
            (error: unknown) => console.error('api tokens: recording last use failed', error),
          )
      : Promise.resolve();
  return { tokenId: row.tokenId, actor: actorOf(row.userId, row), recordUse };
};
