import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { teams } from '@/db/schema';
import { accountScope, requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { ZId } from '../conversations/actions/schemas';
import { DomainError } from '../errors';

export const ZDeleteTeamInput = z.object({ teamId: ZId });
export type TDeleteTeamInput = z.input<typeof ZDeleteTeamInput>;

// Settings: an administrator deletes a team. Its conversations keep their assignee and lose the
// team (ON DELETE SET NULL); its memberships go with it. No activity message on each conversation
// (an account setting, as for labels).
export const deleteTeam = async (ctx: Ctx, input: TDeleteTeamInput): Promise<{ id: number }> => {
  requireAdministrator(ctx.actor);
  const parsed = ZDeleteTeamInput.safeParse(input);
  if (!parsed.success) throw new DomainError('NOT_FOUND', { entity: 'team' });
  const [deleted] = await ctx.db
    .delete(teams)
    .where(and(eq(teams.id, parsed.data.teamId), accountScope(ctx.actor, teams.accountId)))
    .returning({ id: teams.id });
  if (!deleted) throw new DomainError('NOT_FOUND', { entity: 'team' });
  return deleted;
};
