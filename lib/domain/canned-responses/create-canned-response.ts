import { z } from 'zod';
import { cannedResponses } from '@/db/schema';
import { requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { ZCannedContent, ZShortCode, type CannedResponse } from './canned-response-schemas';
import { rethrowShortCodeConflict } from './rethrow-short-code-conflict';

export const ZCreateCannedResponseInput = z.object({ shortCode: ZShortCode, content: ZCannedContent });
export type TCreateCannedResponseInput = z.input<typeof ZCreateCannedResponseInput>;

// Settings: an administrator saves a reply that agents insert with "/short_code" (CONFLICT
// `shortCode` when the account already has it, whatever its case).
export const createCannedResponse = async (ctx: Ctx, input: TCreateCannedResponseInput): Promise<CannedResponse> => {
  requireAdministrator(ctx.actor);
  const parsed = ZCreateCannedResponseInput.safeParse(input);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', { field: String(parsed.error.issues[0]?.path[0] ?? '') });

  try {
    const [created] = await ctx.db
      .insert(cannedResponses)
      .values({ accountId: ctx.actor.accountId, ...parsed.data, createdAt: ctx.now() })
      .returning({ id: cannedResponses.id, shortCode: cannedResponses.shortCode, content: cannedResponses.content });
    return created;
  } catch (error) {
    return rethrowShortCodeConflict(error);
  }
};
