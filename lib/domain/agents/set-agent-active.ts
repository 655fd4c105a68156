import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { accountUsers } from '@/db/schema';
import { requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { ZAgentId } from './agent-schemas';
import { assertOtherAdministrator } from './assert-other-administrator';
import { loadMemberForUpdate } from './load-member';
import { deleteMemberPushSubscriptions } from '../push/delete-push-subscriptions';

export const ZSetAgentActiveInput = z.object({ userId: ZAgentId, active: z.boolean() });
export type TSetAgentActiveInput = z.input<typeof ZSetAgentActiveInput>;

// Settings: an administrator deactivates a member (or reactivates them). A deactivated member
// cannot sign in, and a session they already have is refused at its next request (loadActor
// reads the membership per request), their devices' push subscriptions are removed and their realtime connections ended. Their conversations, messages and memberships stay. The
// last active administrator cannot be deactivated (CONFLICT `lastAdministrator`).
export const setAgentActive = async (ctx: Ctx, input: TSetAgentActiveInput): Promise<{ userId: number; active: boolean }> => {
  requireAdministrator(ctx.actor);
  const parsed = ZSetAgentActiveInput.safeParse(input);
  if (!parsed.success) throw new DomainError(parsed.error.issues[0]?.path[0] === 'userId' ? 'NOT_FOUND' : 'INVALID_INPUT', { field: 'active' });
  const { userId, active } = parsed.data;

  const result = await ctx.db.transaction(async (tx) => {
    const member = await loadMemberForUpdate(tx, ctx.actor, userId);
    if (!active && member.role === 'administrator' && member.active) await assertOtherAdministrator(tx, { accountId: ctx.actor.accountId, userId });
    await tx.update(accountUsers).set({ active }).where(and(eq(accountUsers.accountId, ctx.actor.accountId), eq(accountUsers.userId, userId)));
    // Their phones stop hearing of the account at once (and a reactivation asks them to opt in again).
    if (!active) await deleteMemberPushSubscriptions(tx, { accountId: ctx.actor.accountId, userId });
    return { userId, active };
  });
  // After commit: their open realtime connections end (re-authorising them is refused).
  if (!active) await ctx.realtime.endUserConnections(userId);
  return result;
};
