import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { apiAccessTokens } from '@/db/schema';
import { loadActor } from '../authorization/load-actor';
import type { Actor } from '../context';
import { hashApiToken } from './api-token-schemas';

// last_used_at is written at most this often per token: a busy integration must not turn every
// read into a write.
export const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiTokenActor = { tokenId: number; actor: Actor };

// Who a request's API token acts as: the token's person in the token's account, loaded like a
// session's actor (same inboxes, same role), or null for an unknown or revoked token and for a
// person who is no longer an active member. Checked at every request, so a revocation or a
// deactivation takes effect at the next one.
export const authenticateApiToken = async (db: DbOrTx, token: string, now: Date): Promise<ApiTokenActor | null> => {
  if (token.length < 10 || token.length > 200) return null;
  const [row] = await db
    .select({ id: apiAccessTokens.id, userId: apiAccessTokens.userId, accountId: apiAccessTokens.accountId, lastUsedAt: apiAccessTokens.lastUsedAt })
    .from(apiAccessTokens)
    .where(and(eq(apiAccessTokens.tokenHash, hashApiToken(token)), isNull(apiAccessTokens.revokedAt)))
    .limit(1);
  if (!row) return null;
  const actor = await loadActor(db, { userId: row.userId, accountId: row.accountId });
  if (!actor) return null;
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt < stale) {
    // Conditional, so concurrent requests of one token write it once.
    await db
      .update(apiAccessTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiAccessTokens.id, row.id), or(isNull(apiAccessTokens.lastUsedAt), lt(apiAccessTokens.lastUsedAt, stale))));
  }
  return { tokenId: row.id, actor };
};
