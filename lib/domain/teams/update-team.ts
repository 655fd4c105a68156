import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { teams, type Team } from '@/db/schema';
import { accountScope, requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { ZId } from '../conversations/actions/schemas';
import { DomainError } from '../errors';
import { rethrowTeamNameConflict } from './rethrow-team-name-conflict';
import { ZTeamDescription, ZTeamName } from './team-schemas';

export const ZUpdateTeamInput = z.object({ teamId: ZId, name: ZTeamName, description: ZTeamDescription.optional() });
export type TUpdateTeamInput = z.input<typeof ZUpdateTeamInput>;

// Settings: an administrator renames and describes a team. Past activity messages keep the name
// the team had then.
export const updateTeam = async (ctx: Ctx, input: TUpdateTeamInput): Promise<Team> => {
  requireAdministrator(ctx.actor);
  const parsed = ZUpdateTeamInput.safeParse(input);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    throw field === 'teamId' ? new DomainError('NOT_FOUND', { entity: 'team' }) : new DomainError('INVALID_INPUT', { field });
  }
  const { teamId, name, description } = parsed.data;
  try {
    const [team] = await ctx.db
      .update(teams)
      .set({ name, description: description ?? null })
      .where(and(eq(teams.id, teamId), accountScope(ctx.actor, teams.accountId)))
      .returning();
    if (!team) throw new DomainError('NOT_FOUND', { entity: 'team' });
    return team;
  } catch (error) {
    return rethrowTeamNameConflict(error);
  }
};
