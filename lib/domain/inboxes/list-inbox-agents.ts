import { and, asc, eq, or, sql } from 'drizzle-orm';
import { accountUsers, inboxMembers, users } from '@/db/schema';
import { assertInboxAccess } from '../authorization/scope';
import type { Ctx } from '../context';

// The agents who work in an inbox: its members and the account's administrators, active ones only
// (@mention suggestions, assignee and participant pickers).
export const listInboxAgents = async (ctx: Ctx, { inboxId }: { inboxId: number }): Promise<Array<{ id: number; name: string; avatarUrl: string | null }>> => {
  assertInboxAccess(ctx.actor, inboxId);
  return ctx.db
    .selectDistinct({ id: users.id, name: users.name, avatarUrl: users.avatarUrl })
    .from(accountUsers)
    .innerJoin(users, eq(users.id, accountUsers.userId))
    .leftJoin(inboxMembers, and(eq(inboxMembers.userId, users.id), eq(inboxMembers.inboxId, inboxId)))
    .where(
      and(
        eq(accountUsers.accountId, ctx.actor.accountId),
        eq(accountUsers.active, true),
        or(eq(accountUsers.role, 'administrator'), sql`${inboxMembers.inboxId} is not null`),
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
};
