import { asc, eq, sql } from 'drizzle-orm';
import { accountUsers, users } from '@/db/schema';
import { accountScope, requireAdministrator } from '../authorization/scope';
import type { Ctx, Role } from '../context';

export type AccountAgent = {
  id: number;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  // Invited and not yet signed up: no password chosen.
  invitationPending: boolean;
};

// Settings: every member of the account, active or not, by name (administrators only).
export const listAccountAgents = async (ctx: Ctx): Promise<AccountAgent[]> => {
  requireAdministrator(ctx.actor);
  return ctx.db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: accountUsers.role,
      active: accountUsers.active,
      invitationPending: sql<boolean>`${users.passwordHash} is null`,
    })
    .from(accountUsers)
    .innerJoin(users, eq(users.id, accountUsers.userId))
    .where(accountScope(ctx.actor, accountUsers.accountId))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
};
