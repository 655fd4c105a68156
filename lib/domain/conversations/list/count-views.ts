import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { conversationLabels, conversations, labels, mentions, savedViews, teams } from '@/db/schema';
import { accountScope, conversationScope } from '../../authorization/scope';
import type { Ctx } from '../../context';
import { isDomainError } from '../../errors';
import { processCountsCache } from './counts-cache';
import { savedFilterCondition, unattendedCondition } from './list-conditions';

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

// The account's open conversations counted per inbox: in all (V1, V4), unattended (V3), per person
// mentioned (V2), per label (V5) and per team (V6), with the account's labels and teams for their zeros. Everyone's panel is a
// sum of these rows over the inboxes they may see, so one reading serves every agent of the account
// (counts-cache.ts); no row leaves this module, only the sums over the actor's own inboxes.
type InboxBreakdown = {
  inboxes: Array<{ inboxId: number; all: number; unattended: number }>;
  labels: Array<{ inboxId: number; id: number; count: number }>;
  teams: Array<{ inboxId: number; id: number; count: number }>;
  // Per person mentioned (id: the user's).
  mentions: Array<{ inboxId: number; id: number; count: number }>;
  labelIds: number[];
  teamIds: number[];
};

// Open conversations per inbox and per id of a joined table (a label, a person mentioned).
const countJoinedPerInbox = (
  ctx: Ctx,
  open: SQL,
  table: typeof conversationLabels | typeof mentions,
  id: typeof conversationLabels.labelId | typeof mentions.userId,
  on: SQL,
) =>
  ctx.db
    .select({ inboxId: conversations.inboxId, id, count: countInt(sql`count(*)`) })
    .from(conversations)
    .innerJoin(table, on)
    .where(open)
    .groupBy(conversations.inboxId, id);

const readInboxBreakdown = async (ctx: Ctx): Promise<InboxBreakdown> => {
  const { actor } = ctx;
  const open = and(accountScope(actor, conversations.accountId), eq(conversations.status, 'open')) as SQL;
  const [byInboxAndTeam, byLabel, byMentioned, labelRows, teamRows] = await Promise.all([
    // Per inbox, and per inbox and team, in one scan: `perInbox` is 1 on the inbox's own row.
    ctx.db
      .select({
        inboxId: conversations.inboxId,
        teamId: conversations.teamId,
        perInbox: sql<number>`grouping(${conversations.teamId})`.mapWith(Number),
        all: countInt(sql`count(*)`),
        unattended: countInt(sql`count(*) filter (where ${unattendedCondition()})`),
      })
      .from(conversations)
      .where(open)
      .groupBy(sql`grouping sets ((${conversations.inboxId}), (${conversations.inboxId}, ${conversations.teamId}))`),
    countJoinedPerInbox(ctx, open, conversationLabels, conversationLabels.labelId, eq(conversationLabels.conversationId, conversations.id)),
    countJoinedPerInbox(ctx, open, mentions, mentions.userId, eq(mentions.conversationId, conversations.id)),
    ctx.db.select({ id: labels.id }).from(labels).where(accountScope(actor, labels.accountId)),
    ctx.db.select({ id: teams.id }).from(teams).where(accountScope(actor, teams.accountId)),
  ]);
  const inboxes = byInboxAndTeam.filter((row) => row.perInbox === 1).map(({ inboxId, all, unattended }) => ({ inboxId, all, unattended }));
  const byTeam = byInboxAndTeam.flatMap(({ perInbox, inboxId, teamId, all }) => (perInbox === 0 && teamId !== null ? [{ inboxId, id: teamId, count: all }] : []));
  return { inboxes, labels: byLabel, teams: byTeam, mentions: byMentioned, labelIds: labelRows.map((row) => row.id), teamIds: teamRows.map((row) => row.id) };
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

const breakdownKey = (accountId: number) => `views:breakdown:${accountId}`;
const savedViewsKeyPrefix = (accountId: number) => `views:saved:${accountId}:`;

// A change that moves conversations between the panel's counts at once for the agent who made it
// (a new conversation, a change of status, assignee, team, priority or labels: events/publish.ts; a
// new saved view: create-saved-view.ts):
// this process reads the account's counts, its agents' saved views' included, again on its next
// page. Other changes, and other processes, show within the max age.
export const forgetViewCounts = (accountId: number): void => {
  const cache = processCountsCache();
  cache.forget(breakdownKey(accountId));
  cache.forgetPrefix(savedViewsKeyPrefix(accountId));
};

// Sums per id of the rows whose inbox the actor sees, every id of `ids` included (zero).
const sumOver = (rows: Array<{ inboxId: number; id: number; count: number }>, sees: (inboxId: number) => boolean, ids: number[]) => {
  const sums: Record<number, number> = Object.fromEntries(ids.map((id) => [id, 0]));
  for (const row of rows) if (sees(row.inboxId) && row.id in sums) sums[row.id] += row.count;
  return sums;
};

// The numbers of the views panel (V1-V7): open conversations the actor may see in each view, in a
// fixed handful of queries whatever the number of inboxes, labels, teams and saved views.
// `maxAgeMs` above 0 may answer from this process's counts cache (counts-cache.ts): the account's
// per-inbox breakdown (mentions per person included) is shared by all its agents, the saved views
// are each actor's.
// 0 (the default) reads them now.
export const countViews = async (ctx: Ctx, { maxAgeMs = 0 }: { maxAgeMs?: number } = {}): Promise<ViewCounts> => {
  const { actor } = ctx;
  const open = and(conversationScope(actor), eq(conversations.status, 'open')) as SQL;
  const cache = processCountsCache();
  const when = { now: ctx.now().getTime(), maxAgeMs };
  const person = `${actor.userId}:${[...actor.inboxIds].sort((a, b) => a - b).join(',')}`;
  const [breakdown, bySavedView] = await Promise.all([
    cache.read(breakdownKey(actor.accountId), when, () => readInboxBreakdown(ctx)),
    cache.read(`${savedViewsKeyPrefix(actor.accountId)}${person}`, when, () => countBySavedView(ctx, open)),
  ]);

  // Administrators see every inbox of the account (one created during the request included).
  const visible = new Set(actor.inboxIds);
  const sees = actor.role === 'administrator' ? () => true : (inboxId: number) => visible.has(inboxId);
  // Every inbox the actor sees gets a number, zero included.
  const inboxCounts: Record<number, number> = Object.fromEntries(actor.inboxIds.map((id) => [id, 0]));
  let all = 0;
  let unattended = 0;
  for (const row of breakdown.inboxes) {
    if (!sees(row.inboxId)) continue;
    inboxCounts[row.inboxId] = row.all;
    all += row.all;
    unattended += row.unattended;
  }
  // The actor's teams (administrators: every team of the account), zero included.
  const shownTeams = actor.role === 'administrator' ? breakdown.teamIds : breakdown.teamIds.filter((id) => actor.teamIds.includes(id));
  return {
    all,
    mentions: sumOver(breakdown.mentions, sees, [actor.userId])[actor.userId]!,
    unattended,
    inboxes: inboxCounts,
    labels: sumOver(breakdown.labels, sees, breakdown.labelIds),
    teams: sumOver(breakdown.teams, sees, shownTeams),
    savedViews: bySavedView,
  };
};
