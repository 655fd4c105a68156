import { z } from 'zod';
import { teams, type Team } from '@/db/schema';
import { requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { rethrowTeamNameConflict } from './rethrow-team-name-conflict';
import { ZTeamDescription, ZTeamName } from './team-schemas';

export const ZCreateTeamInput = z.object({ name: ZTeamName, description: ZTeamDescription.optional() });
export type TCreateTeamInput = z.input<typeof ZCreateTeamInput>;

// Settings: an administrator creates a team (V6); its members are added afterwards.
export const createTeam = async (ctx: Ctx, input: TCreateTeamInput): Promise<Team> => {
  requireAdministrator(ctx.actor);
  const parsed = ZCreateTeamInput.safeParse(input);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', { field: String(parsed.error.issues[0]?.path[0] ?? '') });
  try {
    const [team] = await ctx.db
      .insert(teams)
      .values({ accountId: ctx.actor.accountId, name: parsed.data.name, description: parsed.data.description ?? null, createdAt: ctx.now() })
      .returning();
    return team;
  } catch (error) {
    return rethrowTeamNameConflict(error);
  }
};
