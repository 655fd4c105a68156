import { and, eq, isNull } from 'drizzle-orm';
import { apiAccessTokens } from '@/db/schema';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { parseActionInput } from '../conversations/actions/parse-action-input';
import { ZRevokeApiTokenInput, type TRevokeApiTokenInput } from './api-token-schemas';

// Revokes one of the signed-in person's own tokens: its next request is refused (401). Someone
// else's token, or one already revoked, is NOT_FOUND.
export const revokeApiToken = async (ctx: Ctx, input: TRevokeApiTokenInput): Promise<void> => {
  const { tokenId } = parseActionInput(ZRevokeApiTokenInput, input);
  const revoked = await ctx.db
    .update(apiAccessTokens)
    .set({ revokedAt: ctx.now() })
    .where(
      and(
        eq(apiAccessTokens.id, tokenId),
        eq(apiAccessTokens.userId, ctx.actor.userId),
        eq(apiAccessTokens.accountId, ctx.actor.accountId),
        isNull(apiAccessTokens.revokedAt),
      ),
    )
    .returning({ id: apiAccessTokens.id });
  if (revoked.length === 0) throw new DomainError('NOT_FOUND', { entity: 'api_token' });
};
