import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { cannedResponses } from '@/db/schema';
import { accountScope, requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { ZId } from '../conversations/actions/schemas';

export const ZDeleteCannedResponseInput = z.object({ cannedResponseId: ZId });
export type TDeleteCannedResponseInput = z.input<typeof ZDeleteCannedResponseInput>;

// Settings: an administrator deletes a canned response; messages sent with it keep their text.
export const deleteCannedResponse = async (ctx: Ctx, input: TDeleteCannedResponseInput): Promise<{ id: number }> => {
  requireAdministrator(ctx.actor);
  const parsed = ZDeleteCannedResponseInput.safeParse(input);
  if (!parsed.success) throw new DomainError('NOT_FOUND', { entity: 'canned_response' });

  const [deleted] = await ctx.db
    .delete(cannedResponses)
    .where(and(eq(cannedResponses.id, parsed.data.cannedResponseId), accountScope(ctx.actor, cannedResponses.accountId)))
    .returning({ id: cannedResponses.id });
  if (!deleted) throw new DomainError('NOT_FOUND', { entity: 'canned_response' });
  return deleted;
};
