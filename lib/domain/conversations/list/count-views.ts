import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { conversationLabels, conversations, labels, mentions, savedViews, teams } from '@/db/schema';
import { accountScope, conversationScope } from '../../authorization/scope';
import type { Ctx } from '../../context';
import { isDomainError } from '../../errors';
import { mentionJoinFor, savedFilterCondition, unattendedCondition } from './list-conditions';

// Open-conversation counts by view id (keys are ids). A saved view whose stored filter no longer
// holds (e.g. its custom attribute was deleted) counts null: the panel shows it without a number.
export type ViewCounts = {
  all: number;
  mentions: number;
  unattended: number;
  inboxes: Record<number, number>;
  labels: Record<number, number>;
  teams: Record<number, number>;
  savedViews: Record<number, number | null>;
};

const countInt = (expression: SQL) => sql<number>`${expression}::int`.mapWith(Number);

// V1-V4: all, mentions and unattended are sums over the per-inbox counts (one scan, grouped by inbox).
const countByInbox = (ctx: Ctx, open: SQL) =>
  ctx.db
    .select({
      inboxId: conversations.inboxId,
      all: countInt(sql`count(*)`),
      mentions: countInt(sql`count(${mentions.id})`),
      unattended: countInt(sql`count(*) filter (where ${unattendedCondition()})`),
    })
    .from(conversations)
    .leftJoin(mentions, mentionJoinFor(ctx.actor))
    .where(open)
    .groupBy(conversations.inboxId);

// V5: every label of the account, zero included. Counted from the open conversations in scope (a
// few thousand label rows), not from every label row of the account's history; the labels without
// an open conversation get their zero from the account's label list.
const countByLabel = async (ctx: Ctx, open: SQL) => {
  const [all, counted] = await Promise.all([
    ctx.db.select({ id: labels.id }).from(labels).where(accountScope(ctx.actor, labels.accountId)),
    ctx.db
      .select({ id: conversationLabels.labelId, count: countInt(sql`count(*)`) })
      .from(conversations)
      .innerJoin(conversationLabels, eq(conversationLabels.conversationId, conversations.id))
      .where(open)
      .groupBy(conversationLabels.labelId),
  ]);
  const counts = new Map(counted.map((row) => [row.id, row.count]));
  return all.map(({ id }) => ({ id, count: counts.get(id) ?? 0 }));
};

// V6: the actor's teams (administrators: every team of the account), zero included.
const countByTeam = async (ctx: Ctx, open: SQL) => {
  const { actor } = ctx;
  if (actor.role !== 'administrator' && actor.teamIds.length === 0) return [];
  return ctx.db
    .select({ id: teams.id, count: countInt(sql`count(${conversations.id})`) })
    .from(teams)
    .leftJoin(conversations, and(eq(conversations.teamId, teams.id), open))
    .where(and(accountScope(actor, teams.accountId), actor.role === 'administrator' ? undefined : inArray(teams.id, actor.teamIds)))
    .groupBy(teams.id);
};

// V7: the actor's saved views, all counted by one query (one FILTER per view).
const countBySavedView = async (ctx: Ctx, open: SQL): Promise<Record<number, number | null>> => {
  const views = await ctx.db
    .select({ id: savedViews.id, filter: savedViews.filter })
    .from(savedViews)
    .where(and(accountScope(ctx.actor, savedViews.accountId), eq(savedViews.userId, ctx.actor.userId)))
    .orderBy(asc(savedViews.id));
  const counts: Record<number, number | null> = {};
  const countable: Array<{ id: number; where: SQL }> = [];
  for (const view of views) {
    try {
      countable.push({ id: view.id, where: (await savedFilterCondition(ctx, view.filter)) ?? sql`true` });
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'INVALID_INPUT') throw error;
      counts[view.id] = null;
    }
  }
  if (countable.length === 0) return counts;
  const fields = Object.fromEntries(countable.map(({ id, where }) => [`v${id}`, countInt(sql`count(*) filter (where ${where})`)]));
  const [row] = await ctx.db.select(fields).from(conversations).where(open);
  for (const { id } of countable) counts[id] = row?.[`v${id}`] ?? 0;
  return counts;
};

// The numbers of the views panel (V1-V7): open conversations the actor may see in each view, in a
// fixed handful of queries whatever the number of inboxes, labels, teams and saved views.
export const countViews = async (ctx: Ctx): Promise<ViewCounts> => {
  const open = and(conversationScope(ctx.actor), eq(conversations.status, 'open')) as SQL;
  const [byInbox, byLabel, byTeam, bySavedView] = await Promise.all([
    countByInbox(ctx, open),
    countByLabel(ctx, open),
    countByTeam(ctx, open),
    countBySavedView(ctx, open),
  ]);

  // Every inbox the actor sees gets a number, zero included.
  const inboxCounts: Record<number, number> = Object.fromEntries(ctx.actor.inboxIds.map((id) => [id, 0]));
  let all = 0;
  let mentioned = 0;
  let unattended = 0;
  for (const row of byInbox) {
    inboxCounts[row.inboxId] = row.all;
    all += row.all;
    mentioned += row.mentions;
    unattended += row.unattended;
  }
  return {
    all,
    mentions: mentioned,
    unattended,
    inboxes: inboxCounts,
    labels: Object.fromEntries(byLabel.map((row) => [row.id, row.count])),
    teams: Object.fromEntries(byTeam.map((row) => [row.id, row.count])),
    savedViews: bySavedView,
  };
};
