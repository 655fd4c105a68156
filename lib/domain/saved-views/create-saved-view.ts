import { and, eq, sql } from 'drizzle-orm';
import { savedViews } from '@/db/schema';
import { accountScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { buildFilterCondition } from '../conversations/filters/build-filter';
import { forgetViewCounts } from '../conversations/list/count-views';
import type { TConversationFilter } from '../conversations/filters/filter-schema';
import { validateFilter } from '../conversations/filters/validate-filter';
import { DomainError } from '../errors';
import { MAX_SAVED_VIEWS_PER_USER, SAVED_VIEW_COLUMNS, toSavedView, ZSavedViewName, type TSavedView } from './saved-view-schema';

export type TCreateSavedViewInput = { name: string; filter: TConversationFilter | Record<string, unknown> };

// Saves the actor's current L4 filter under a name (V7). The filter is checked exactly as the list
// would run it (buildFilterCondition), so a filter that cannot run is never saved. Names are unique
// per agent, ignoring case, so the views panel never shows two alike.
export const createSavedView = async (ctx: Ctx, input: TCreateSavedViewInput): Promise<TSavedView> => {
  const name = ZSavedViewName.safeParse(input?.name);
  if (!name.success) throw new DomainError('INVALID_INPUT', { field: 'name', reason: 'invalid_value' });
  const filter = validateFilter(input.filter);
  await buildFilterCondition(ctx, filter);

  const mine = and(accountScope(ctx.actor, savedViews.accountId), eq(savedViews.userId, ctx.actor.userId));
  const [existing] = await ctx.db
    .select({
      total: sql<number>`count(*)::int`,
      sameName: sql<number>`(count(*) filter (where lower(${savedViews.name}) = lower(${name.data})))::int`,
    })
    .from(savedViews)
    .where(mine);
  if (existing.sameName > 0) throw new DomainError('CONFLICT', { field: 'name', reason: 'taken' });
  if (existing.total >= MAX_SAVED_VIEWS_PER_USER) throw new DomainError('CONFLICT', { field: 'savedView', reason: 'limit_reached', limit: MAX_SAVED_VIEWS_PER_USER });

  const now = ctx.now();
  const [row] = await ctx.db
    .insert(savedViews)
    .values({ accountId: ctx.actor.accountId, userId: ctx.actor.userId, name: name.data, filter, createdAt: now, updatedAt: now })
    .returning(SAVED_VIEW_COLUMNS);
  // The panel counts the new view on the next page, not after the counts' max age.
  forgetViewCounts(ctx.actor.accountId);
  return toSavedView(row);
};
