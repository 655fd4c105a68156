import { and, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { conversations, labels, mentions, savedViews, teams } from '@/db/schema';
import { accountScope, assertInboxAccess, conversationScope } from '../../authorization/scope';
import type { Actor, Ctx } from '../../context';
import { DomainError } from '../../errors';
import { buildFilterCondition } from '../filters/build-filter';
import { hasAnyLabel } from './has-any-label';
import { ZListView, type TListQuery, type TListTab, type TListView, type TListViewInput } from './list-query';

// The one query builder of the conversation list (STYLE.md): the page, the tab counts and the view
// counts all take their WHERE from here, so a conversation is counted exactly where it is listed.
//
// The mentions view (V2) reads `conversations LEFT JOIN mentions ON (this conversation, the actor)`:
// it needs the actor's mention row (membership, and "newest mention first"), and mentions is unique
// per (user, conversation) so the join never repeats a conversation. The other views leave the join
// out: PostgreSQL would remove it from the plan, but its ON still names conversations.id, and that
// alone kept the tab counts from the small count index, which does not hold the id (bench/README.md).

export type ListConditions = {
  // Scope + view + status + filter: everything but the tab.
  where: SQL;
  // L5: the extra condition of each tab (undefined: none).
  tabs: Record<TListTab, SQL | undefined>;
  // The ON of the mentions join, in the mentions view only (undefined: no join).
  mentionJoin: SQL | undefined;
  view: TListView;
};

const notFound = (entity: string): DomainError => new DomainError('NOT_FOUND', { entity });

// V3: nobody has answered yet, or the customer wrote again after the last agent reply.
export const unattendedCondition = (): SQL => or(isNull(conversations.firstReplyAt), isNotNull(conversations.waitingSince)) as SQL;

// The conditions of a saved view (V7): its stored L4 filter. The row must be the actor's own.
const savedViewCondition = async (ctx: Ctx, savedViewId: number): Promise<SQL | undefined> => {
  const [row] = await ctx.db
    .select({ filter: savedViews.filter })
    .from(savedViews)
    .where(and(eq(savedViews.id, savedViewId), accountScope(ctx.actor, savedViews.accountId), eq(savedViews.userId, ctx.actor.userId)))
    .limit(1);
  if (!row) throw notFound('saved_view');
  return savedFilterCondition(ctx, row.filter);
};

// A stored filter is re-validated every time (INVALID_INPUT when it no longer holds): the custom
// attribute definitions and labels it names may have changed since it was saved.
export const savedFilterCondition = async (ctx: Ctx, stored: Record<string, unknown>): Promise<SQL | undefined> =>
  buildFilterCondition(ctx, stored);

// The membership rule of each view, authorised: a view the actor may not open is NOT_FOUND, exactly
// like one that does not exist.
const viewCondition = async (ctx: Ctx, view: TListView): Promise<SQL | undefined> => {
  const { actor } = ctx;
  switch (view.kind) {
    case 'all':
      return undefined;
    case 'mentions':
      return isNotNull(mentions.id);
    case 'unattended':
      return unattendedCondition();
    case 'inbox':
      assertInboxAccess(actor, view.inboxId);
      return eq(conversations.inboxId, view.inboxId);
    case 'label': {
      const [label] = await ctx.db
        .select({ id: labels.id })
        .from(labels)
        .where(and(eq(labels.id, view.labelId), accountScope(actor, labels.accountId)))
        .limit(1);
      if (!label) throw notFound('label');
      return hasAnyLabel([view.labelId]);
    }
    case 'team': {
      // V6 shows agents their own teams; administrators may open any team of the account.
      if (actor.role !== 'administrator' && !actor.teamIds.includes(view.teamId)) throw notFound('team');
      const [team] = await ctx.db
        .select({ id: teams.id })
        .from(teams)
        .where(and(eq(teams.id, view.teamId), accountScope(actor, teams.accountId)))
        .limit(1);
      if (!team) throw notFound('team');
      return eq(conversations.teamId, view.teamId);
    }
    case 'saved':
      return savedViewCondition(ctx, view.savedViewId);
  }
};

// The ON of `conversations LEFT JOIN mentions`: the actor's mention row of each conversation.
export const mentionJoinFor = (actor: Actor): SQL =>
  and(eq(mentions.conversationId, conversations.id), eq(mentions.userId, actor.userId)) as SQL;

// The tab conditions (L5), after every other condition.
export const tabConditionsFor = (actor: Actor): Record<TListTab, SQL | undefined> => ({
  mine: eq(conversations.assigneeId, actor.userId),
  unassigned: isNull(conversations.assigneeId),
  all: undefined,
});

// Resolves (and authorises) the view, then composes scope, view, status (L2) and filter (L4).
// Throws NOT_FOUND for a view the actor may not open, INVALID_INPUT for a filter that does not hold.
export const buildListConditions = async (
  ctx: Ctx,
  viewInput: TListViewInput,
  query: Pick<TListQuery, 'status' | 'filter'>,
): Promise<ListConditions> => {
  const parsedView = ZListView.safeParse(viewInput);
  if (!parsedView.success) throw notFound('view');
  const view = parsedView.data;

  const [viewWhere, filterWhere] = await Promise.all([
    viewCondition(ctx, view),
    query.filter ? buildFilterCondition(ctx, query.filter) : undefined,
  ]);
  const statusWhere = query.status === 'all' ? undefined : eq(conversations.status, query.status);
  const where = and(conversationScope(ctx.actor), viewWhere, statusWhere, filterWhere) ?? sql`true`;

  const mentionJoin = view.kind === 'mentions' ? mentionJoinFor(ctx.actor) : undefined;
  return { where, tabs: tabConditionsFor(ctx.actor), mentionJoin, view };
};

// `FROM conversations` of a list query (page or tab counts), joined to the actor's mention row when
// the view reads it. The queries select their columns explicitly, so the join leaves the row type as is.
export const joinMentionsFor = <T extends PgSelect>(query: T, conditions: Pick<ListConditions, 'mentionJoin'>): T =>
  conditions.mentionJoin ? (query.leftJoin(mentions, conditions.mentionJoin) as unknown as T) : query;
