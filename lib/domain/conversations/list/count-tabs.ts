import { sql, type SQL } from 'drizzle-orm';
import { conversations } from '@/db/schema';
import type { Ctx } from '../../context';
import { buildListConditions, joinMentionsFor, type ListConditions } from './list-conditions';
import { ZListQuery, type TListQueryInput, type TListViewInput } from './list-query';

export type TabCounts = { mine: number; unassigned: number; all: number };

const countWhere = (condition: SQL | undefined) =>
  (condition ? sql<number>`count(*) filter (where ${condition})::int` : sql<number>`count(*)::int`).mapWith(Number);

// L5: the three tab counts for conditions already built, in one query (one scan, three FILTERs).
// The query of countTabsWhere, built but not run (bench/build-cost.ts times the building).
export const countTabsQuery = (ctx: Ctx, conditions: ListConditions) => {
  const query = ctx.db
    .select({ mine: countWhere(conditions.tabs.mine), unassigned: countWhere(conditions.tabs.unassigned), all: countWhere(conditions.tabs.all) })
    .from(conversations)
    .$dynamic();
  return joinMentionsFor(query, conditions).where(conditions.where);
};

export const countTabsWhere = async (ctx: Ctx, conditions: ListConditions): Promise<TabCounts> => {
  const [row] = await countTabsQuery(ctx, conditions);
  return { mine: row?.mine ?? 0, unassigned: row?.unassigned ?? 0, all: row?.all ?? 0 };
};

// L5: how many conversations each tab ("Mías", "Sin asignar", "Todos") lists for this view, status
// and filter. Throws like buildListConditions (NOT_FOUND view, INVALID_INPUT filter).
export const countTabs = async (ctx: Ctx, view: TListViewInput, queryInput: TListQueryInput = {}): Promise<TabCounts> =>
  countTabsWhere(ctx, await buildListConditions(ctx, view, ZListQuery.parse(queryInput)));
