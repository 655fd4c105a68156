import { and, count, eq, isNull } from 'drizzle-orm';
import { accounts, apiAccessTokens } from '@/db/schema';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { parseActionInput } from '../conversations/actions/parse-action-input';
import { MAX_API_TOKENS, newApiToken, ZCreateApiTokenInput, type TCreateApiTokenInput } from './api-token-schemas';

export type CreatedApiToken = { id: number; name: string; token: string; createdAt: Date };

// Profile › Access token: a new personal token for the HTTP API, acting as the signed-in person in
// this account. The token's text is returned here and never again (only its hash is stored).
// More than MAX_API_TOKENS live tokens is INVALID_INPUT reason too_many_tokens.
export const createApiToken = async (ctx: Ctx, input: TCreateApiTokenInput): Promise<CreatedApiToken> => {
  const { name } = parseActionInput(ZCreateApiTokenInput, input);
  const { token, tokenHash } = newApiToken();
  return ctx.db.transaction(async (tx) => {
    // The account row serialises one person's concurrent creations, so the cap holds.
    await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, ctx.actor.accountId)).for('no key update');
    const [{ live }] = await tx
      .select({ live: count() })
      .from(apiAccessTokens)
      .where(and(eq(apiAccessTokens.userId, ctx.actor.userId), eq(apiAccessTokens.accountId, ctx.actor.accountId), isNull(apiAccessTokens.revokedAt)));
    if (live >= MAX_API_TOKENS) throw new DomainError('INVALID_INPUT', { field: 'name', reason: 'too_many_tokens', max: MAX_API_TOKENS });
    const [row] = await tx
      .insert(apiAccessTokens)
      .values({ accountId: ctx.actor.accountId, userId: ctx.actor.userId, name, tokenHash, createdAt: ctx.now() })
      .returning({ id: apiAccessTokens.id, name: apiAccessTokens.name, createdAt: apiAccessTokens.createdAt });
    return { ...row, token };
  });
};
