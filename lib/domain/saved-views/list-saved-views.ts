import { and, asc, eq, sql } from 'drizzle-orm';
import { savedViews } from '@/db/schema';
import { accountScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { SAVED_VIEW_COLUMNS, toSavedView, type TSavedView } from './saved-view-schema';

// The actor's own saved views in this account, for the views panel (V7). Sorted by lower(name)
// so PGlite's C collation and a server's locale collation agree; then by id.
export const listSavedViews = async (ctx: Ctx): Promise<TSavedView[]> => {
  const rows = await ctx.db
    .select(SAVED_VIEW_COLUMNS)
    .from(savedViews)
    .where(and(accountScope(ctx.actor, savedViews.accountId), eq(savedViews.userId, ctx.actor.userId)))
    .orderBy(asc(sql`lower(${savedViews.name})`), asc(savedViews.id));
  return rows.map(toSavedView);
};
