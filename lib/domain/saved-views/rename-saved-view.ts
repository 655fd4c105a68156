import { and, eq, ne, sql } from 'drizzle-orm';
import { savedViews } from '@/db/schema';
import { accountScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { SAVED_VIEW_COLUMNS, toSavedView, ZSavedViewId, ZSavedViewName, type TSavedView } from './saved-view-schema';

export type TRenameSavedViewInput = { savedViewId: number | string; name: string };

// Renames one of the actor's saved views. Someone else's view (even in the same account) is
// NOT_FOUND, exactly like one that does not exist.
export const renameSavedView = async (ctx: Ctx, input: TRenameSavedViewInput): Promise<TSavedView> => {
  const id = ZSavedViewId.safeParse(input?.savedViewId);
  if (!id.success) throw new DomainError('NOT_FOUND', { entity: 'saved_view' });
  const name = ZSavedViewName.safeParse(input.name);
  if (!name.success) throw new DomainError('INVALID_INPUT', { field: 'name', reason: 'invalid_value' });

  const mine = and(accountScope(ctx.actor, savedViews.accountId), eq(savedViews.userId, ctx.actor.userId));
  const [clash] = await ctx.db
    .select({ id: savedViews.id })
    .from(savedViews)
    .where(and(mine, ne(savedViews.id, id.data), sql`lower(${savedViews.name}) = lower(${name.data})`))
    .limit(1);
  if (clash) throw new DomainError('CONFLICT', { field: 'name', reason: 'taken' });

  const [row] = await ctx.db
    .update(savedViews)
    .set({ name: name.data, updatedAt: ctx.now() })
    .where(and(mine, eq(savedViews.id, id.data)))
    .returning(SAVED_VIEW_COLUMNS);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'saved_view' });
  return toSavedView(row);
};
