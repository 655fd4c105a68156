import { and, eq } from 'drizzle-orm';
import { savedViews } from '@/db/schema';
import { accountScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { ZSavedViewId } from './saved-view-schema';

export type TDeleteSavedViewInput = { savedViewId: number | string };

// Deletes one of the actor's saved views; anyone else's is NOT_FOUND and stays.
export const deleteSavedView = async (ctx: Ctx, input: TDeleteSavedViewInput): Promise<{ id: number }> => {
  const id = ZSavedViewId.safeParse(input?.savedViewId);
  if (!id.success) throw new DomainError('NOT_FOUND', { entity: 'saved_view' });

  const [row] = await ctx.db
    .delete(savedViews)
    .where(and(accountScope(ctx.actor, savedViews.accountId), eq(savedViews.userId, ctx.actor.userId), eq(savedViews.id, id.data)))
    .returning({ id: savedViews.id });
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'saved_view' });
  return row;
};
