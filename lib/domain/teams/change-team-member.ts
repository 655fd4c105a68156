import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { teamMembers, teams } from '@/db/schema';
import { accountScope, requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { ZId } from '../conversations/actions/schemas';
import { DomainError } from '../errors';
import { assertAccountMember } from '../agents/assert-account-member';

export const ZTeamMemberInput = z.object({ teamId: ZId, userId: ZId });
export type TTeamMemberInput = z.input<typeof ZTeamMemberInput>;

const parse = (ctx: Ctx, input: TTeamMemberInput) => {
  requireAdministrator(ctx.actor);
  const parsed = ZTeamMemberInput.safeParse(input);
  if (!parsed.success) throw new DomainError('NOT_FOUND', { entity: String(parsed.error.issues[0]?.path[0] ?? '') === 'teamId' ? 'team' : 'user' });
  return parsed.data;
};

const assertTeam = async (ctx: Ctx, teamId: number) => {
  const [team] = await ctx.db.select({ id: teams.id }).from(teams).where(and(eq(teams.id, teamId), accountScope(ctx.actor, teams.accountId)));
  if (!team) throw new DomainError('NOT_FOUND', { entity: 'team' });
};

// Settings: an administrator adds a member of the account to a team (V6 shows them its view at
// their next request). Adding someone twice changes nothing.
export const addTeamMember = async (ctx: Ctx, input: TTeamMemberInput): Promise<void> => {
  const { teamId, userId } = parse(ctx, input);
  await assertTeam(ctx, teamId);
  await assertAccountMember(ctx.db, { accountId: ctx.actor.accountId, userId });
  await ctx.db.insert(teamMembers).values({ teamId, userId, createdAt: ctx.now() }).onConflictDoNothing();
};

// Settings: an administrator takes someone out of a team. Conversations assigned to them keep
// their assignee.
export const removeTeamMember = async (ctx: Ctx, input: TTeamMemberInput): Promise<void> => {
  const { teamId, userId } = parse(ctx, input);
  await assertTeam(ctx, teamId);
  await ctx.db.delete(teamMembers).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
};
