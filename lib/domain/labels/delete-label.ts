import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { labels } from '@/db/schema';
import { accountScope, requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { ZId } from '../conversations/actions/schemas';

export const ZDeleteLabelInput = z.object({ labelId: ZId });
export type TDeleteLabelInput = z.input<typeof ZDeleteLabelInput>;

// V5: an administrator deletes a label. The foreign keys' ON DELETE CASCADE takes it off every
// conversation and contact in the same statement; no activity message is written on each of them
// (as in Chatwoot): it is an account setting, not something an agent did to a conversation.
export const deleteLabel = async (ctx: Ctx, input: TDeleteLabelInput): Promise<{ id: number }> => {
  requireAdministrator(ctx.actor);
  const parsed = ZDeleteLabelInput.safeParse(input);
  if (!parsed.success) throw new DomainError('NOT_FOUND', { entity: 'label' });

  const [deleted] = await ctx.db
    .delete(labels)
    .where(and(eq(labels.id, parsed.data.labelId), accountScope(ctx.actor, labels.accountId)))
    .returning({ id: labels.id });
  if (!deleted) throw new DomainError('NOT_FOUND', { entity: 'label' });
  return deleted;
};
