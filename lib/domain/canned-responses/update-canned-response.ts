import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { cannedResponses } from '@/db/schema';
import { accountScope, requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { ZId } from '../conversations/actions/schemas';
import { ZCannedContent, ZShortCode, type CannedResponse } from './canned-response-schemas';
import { rethrowShortCodeConflict } from './rethrow-short-code-conflict';

export const ZUpdateCannedResponseInput = z.object({
  cannedResponseId: ZId,
  shortCode: ZShortCode.optional(),
  content: ZCannedContent.optional(),
});
export type TUpdateCannedResponseInput = z.input<typeof ZUpdateCannedResponseInput>;

const COLUMNS = { id: cannedResponses.id, shortCode: cannedResponses.shortCode, content: cannedResponses.content };

// Settings: an administrator changes a canned response's short code or content; fields left out
// keep their value. Messages already sent with it are not touched.
export const updateCannedResponse = async (ctx: Ctx, input: TUpdateCannedResponseInput): Promise<CannedResponse> => {
  requireAdministrator(ctx.actor);
  const parsed = ZUpdateCannedResponseInput.safeParse(input);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    // A malformed id names no canned response.
    if (field === 'cannedResponseId') throw new DomainError('NOT_FOUND', { entity: 'canned_response' });
    throw new DomainError('INVALID_INPUT', { field });
  }
  const { cannedResponseId, shortCode, content } = parsed.data;
  const where = and(eq(cannedResponses.id, cannedResponseId), accountScope(ctx.actor, cannedResponses.accountId));
  const set = { ...(shortCode === undefined ? {} : { shortCode }), ...(content === undefined ? {} : { content }) };

  try {
    const [updated] =
      Object.keys(set).length === 0
        ? await ctx.db.select(COLUMNS).from(cannedResponses).where(where)
        : await ctx.db.update(cannedResponses).set(set).where(where).returning(COLUMNS);
    if (!updated) throw new DomainError('NOT_FOUND', { entity: 'canned_response' });
    return updated;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    return rethrowShortCodeConflict(error);
  }
};
