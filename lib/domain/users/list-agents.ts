import { and, asc, eq, sql } from 'drizzle-orm';
import { accountUsers, users } from '@/db/schema';
import { accountScope } from '../authorization/scope';
import type { Ctx } from '../context';

export type AgentSummary = { id: number; name: string; avatarUrl: string | null; availability: 'online' | 'busy' | 'offline' };

// The active agents and administrators of the actor's account, by name (assignee pickers, filters).
export const listAgents = async (ctx: Ctx): Promise<AgentSummary[]> =>
  ctx.db
    .select({ id: users.id, name: users.name, avatarUrl: users.avatarUrl, availability: accountUsers.availability })
    .from(accountUsers)
    .innerJoin(users, eq(users.id, accountUsers.userId))
    .where(and(accountScope(ctx.actor, accountUsers.accountId), eq(accountUsers.active, true)))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
