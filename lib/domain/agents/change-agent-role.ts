import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { accountUsers } from '@/db/schema';
import { requireAdministrator } from '../authorization/scope';
import type { Ctx, Role } from '../context';
import { DomainError } from '../errors';
import { ZAgentId, ZAgentRole } from './agent-schemas';
import { assertOtherAdministrator } from './assert-other-administrator';
import { loadMemberForUpdate } from './load-member';

export const ZChangeAgentRoleInput = z.object({ userId: ZAgentId, role: ZAgentRole });
export type TChangeAgentRoleInput = z.input<typeof ZChangeAgentRoleInput>;

// Settings: an administrator makes a member an administrator or an agent. The change applies at
// the member's next request (the actor is loaded per request). The last active administrator
// cannot be made an agent (CONFLICT `lastAdministrator`).
export const changeAgentRole = async (ctx: Ctx, input: TChangeAgentRoleInput): Promise<{ userId: number; role: Role }> => {
  requireAdministrator(ctx.actor);
  const parsed = ZChangeAgentRoleInput.safeParse(input);
  if (!parsed.success) throw new DomainError(parsed.error.issues[0]?.path[0] === 'userId' ? 'NOT_FOUND' : 'INVALID_INPUT', { field: 'role' });
  const { userId, role } = parsed.data;

  const demoted = await ctx.db.transaction(async (tx) => {
    const member = await loadMemberForUpdate(tx, ctx.actor, userId);
    if (member.role === 'administrator' && role === 'agent' && member.active) await assertOtherAdministrator(tx, { accountId: ctx.actor.accountId, userId });
    await tx.update(accountUsers).set({ role }).where(and(eq(accountUsers.accountId, ctx.actor.accountId), eq(accountUsers.userId, userId)));
    return member.role === 'administrator' && role === 'agent';
  });
  // An administrator made an agent loses the inboxes they are not a member of: their open realtime
  // connections end and re-authorise (after commit).
  if (demoted) await ctx.realtime.endUserConnections(userId);
  return { userId, role };
};
