import { and, asc, inArray, sql } from 'drizzle-orm';
import { teams } from '@/db/schema';
import { accountScope } from '../authorization/scope';
import type { Ctx } from '../context';

// V6: the teams the actor belongs to (administrators: every team of the account), by name.
export const listTeams = async (ctx: Ctx): Promise<Array<{ id: number; name: string }>> => {
  const { actor } = ctx;
  if (actor.role !== 'administrator' && actor.teamIds.length === 0) return [];
  return ctx.db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(accountScope(actor, teams.accountId), actor.role === 'administrator' ? undefined : inArray(teams.id, actor.teamIds)))
    .orderBy(asc(sql`lower(${teams.name})`), asc(teams.id));
};
