import { and, eq } from 'drizzle-orm';
import { savedViews } from '@/db/schema';
import { accountScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { SAVED_VIEW_COLUMNS, toSavedView, ZSavedViewId, type TSavedView } from './saved-view-schema';

export type TGetSavedViewInput = { savedViewId: number | string };

// One of the actor's saved views (to open it, or to fill the filter panel for editing). Another
// agent's view, another account's, or a malformed id from the URL: NOT_FOUND, alike.
export const getSavedView = async (ctx: Ctx, input: TGetSavedViewInput): Promise<TSavedView> => {
  const id = ZSavedViewId.safeParse(input?.savedViewId);
  if (!id.success) throw new DomainError('NOT_FOUND', { entity: 'saved_view' });

  const [row] = await ctx.db
    .select(SAVED_VIEW_COLUMNS)
    .from(savedViews)
    .where(and(accountScope(ctx.actor, savedViews.accountId), eq(savedViews.userId, ctx.actor.userId), eq(savedViews.id, id.data)))
    .limit(1);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'saved_view' });
  return toSavedView(row);
};
