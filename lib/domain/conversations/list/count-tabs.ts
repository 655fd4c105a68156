import { and, sql, type SQL } from 'drizzle-orm';
import { conversations } from '@/db/schema';
import type { Ctx } from '../../context';
import { buildListConditions, joinMentionsFor, type ListConditions } from './list-conditions';
import { ZListQuery, type TListQueryInput, type TListViewInput } from './list-query';

// L5 counts are exact up to TAB_COUNT_CAP; a tab with more counts TAB_COUNT_CAP + 1, shown as "1000+".
// Counting every match of a broad filter over all history (40k of 200k conversations for "label OR
// label OR priority") costs 20-60 ms however it is indexed; finding the first 1,001 costs a few
// (bench/README.md finding 20). Nobody triages by the difference between 1,200 and 1,300.
export const TAB_COUNT_CAP = 1000;

export type TabCounts = { mine: number; unassigned: number; all: number };

// Whether a count means "more than TAB_COUNT_CAP" rather than an exact number.
export const isCappedCount = (count: number): boolean => count > TAB_COUNT_CAP;

const count = (expression: SQL): SQL<number> => sql<number>`${expression}`.mapWith(Number);

// The list's conversations (scope, view, status, filter) and `tab`: its first TAB_COUNT_CAP + 1.
const firstMatches = (ctx: Ctx, conditions: ListConditions, columns: Record<string, SQL.Aliased>, tab?: SQL) =>
  joinMentionsFor(ctx.db.select(columns).from(conversations).$dynamic(), conditions)
    .where(and(conditions.where, tab))
    .limit(TAB_COUNT_CAP + 1);

// One tab counted on its own: a scalar subquery over its first TAB_COUNT_CAP + 1 matches.
const tabOnItsOwn = (ctx: Ctx, conditions: ListConditions, tab: SQL | undefined): SQL =>
  sql`(select count(*) from (${firstMatches(ctx, conditions, { matched: sql`1`.as('matched') }, tab)}) as tab_matches)`;

const flag = (tab: SQL | undefined, name: string) => sql<boolean>`${tab ?? sql`true`}`.as(name);

// L5: the three tab counts in one statement. It reads the list's first TAB_COUNT_CAP + 1 matches once
// and counts each tab among them, which settles every tab when the list holds TAB_COUNT_CAP or fewer
// (the usual filtered list). Past that "Todos" is capped, and a tab is counted on its own unless all of
// those matches were its own: those subqueries sit in a CASE, and PostgreSQL runs an uncorrelated
// subquery (an InitPlan) only when its value is used. Built but not run here (bench/build-cost.ts).
export const countTabsQuery = (ctx: Ctx, conditions: ListConditions) => {
  const { tabs } = conditions;
  const first = firstMatches(ctx, conditions, { mine: flag(tabs.mine, 'mine'), unassigned: flag(tabs.unassigned, 'unassigned') }).as(
    'first_matches',
  );
  const tabCount = (tab: SQL | undefined, among: SQL) => {
    const amongFirst = sql`count(*) filter (where ${among})`;
    return count(sql`case when count(*) > ${TAB_COUNT_CAP} and ${amongFirst} <= ${TAB_COUNT_CAP} then ${tabOnItsOwn(ctx, conditions, tab)} else ${amongFirst} end`);
  };
  return ctx.db
    .select({ mine: tabCount(tabs.mine, sql`${first.mine}`), unassigned: tabCount(tabs.unassigned, sql`${first.unassigned}`), all: count(sql`count(*)`) })
    .from(first);
};

export const countTabsWhere = async (ctx: Ctx, conditions: ListConditions): Promise<TabCounts> => {
  const [row] = await countTabsQuery(ctx, conditions);
  return { mine: row?.mine ?? 0, unassigned: row?.unassigned ?? 0, all: row?.all ?? 0 };
};

// L5: how many conversations each tab ("Mías", "Sin asignar", "Todos") lists for this view, status
// and filter, each capped at TAB_COUNT_CAP + 1. Throws like buildListConditions (NOT_FOUND view,
// INVALID_INPUT filter).
export const countTabs = async (ctx: Ctx, view: TListViewInput, queryInput: TListQueryInput = {}): Promise<TabCounts> =>
  countTabsWhere(ctx, await buildListConditions(ctx, view, ZListQuery.parse(queryInput)));
