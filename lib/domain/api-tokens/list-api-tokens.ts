import { and, desc, eq, isNull } from 'drizzle-orm';
import { apiAccessTokens } from '@/db/schema';
import type { Ctx } from '../context';

export type ApiTokenSummary = { id: number; name: string; createdAt: Date; lastUsedAt: Date | null };

// The signed-in person's live tokens in this account, newest first (never their text: it is not stored).
export const listApiTokens = async (ctx: Ctx): Promise<ApiTokenSummary[]> =>
  ctx.db
    .select({ id: apiAccessTokens.id, name: apiAccessTokens.name, createdAt: apiAccessTokens.createdAt, lastUsedAt: apiAccessTokens.lastUsedAt })
    .from(apiAccessTokens)
    .where(and(eq(apiAccessTokens.userId, ctx.actor.userId), eq(apiAccessTokens.accountId, ctx.actor.accountId), isNull(apiAccessTokens.revokedAt)))
    .orderBy(desc(apiAccessTokens.createdAt), desc(apiAccessTokens.id));
