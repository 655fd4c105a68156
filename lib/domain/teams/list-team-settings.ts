import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { teamMembers, teams, users } from '@/db/schema';
import { accountScope, requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';

export type TeamSettings = { id: number; name: string; description: string | null; members: Array<{ id: number; name: string }> };

// Settings: every team of the account with its members, by name (administrators only).
export const listTeamSettings = async (ctx: Ctx): Promise<TeamSettings[]> => {
  requireAdministrator(ctx.actor);
  const rows = await ctx.db
    .select({ id: teams.id, name: teams.name, description: teams.description })
    .from(teams)
    .where(accountScope(ctx.actor, teams.accountId))
    .orderBy(asc(sql`lower(${teams.name})`), asc(teams.id));
  if (rows.length === 0) return [];
  const members = await ctx.db
    .select({ teamId: teamMembers.teamId, id: users.id, name: users.name })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(inArray(teamMembers.teamId, rows.map((row) => row.id))))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
  return rows.map((team) => ({ ...team, members: members.filter((member) => member.teamId === team.id).map(({ id, name }) => ({ id, name })) }));
};
