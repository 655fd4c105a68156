import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { accountUsers, inboxes, inboxMembers, teamMembers, teams } from '@/db/schema';
import type { Actor } from '../context';
import { isDbId } from '../request-values';

export type LoadActorOptions = {
  userId: number;
  // Without it the user's first active account is used (the one they joined first).
  accountId?: number;
};

// What an actor may see, as columns of an `account_users` row (a membership), for any statement
// that selects that row: the inboxes (administrators get every inbox of the account; agents the
// ones they are members of) and the teams, both filtered by the account, so a stray membership in
// another account's inbox never leaks in. Drizzle leaves the columns of a one-table query
// unqualified: inside the correlated subqueries every column names its table.
export const membershipScopeColumns = () => {
  const column = (table: typeof accountUsers | typeof inboxes | typeof inboxMembers | typeof teams | typeof teamMembers, name: string) =>
    sql`${table}.${sql.identifier(name)}`;
  return {
    inboxIds: sql<number[]>`array(
      select ${column(inboxes, 'id')} from ${inboxes}
      where ${column(inboxes, 'account_id')} = ${column(accountUsers, 'account_id')}
        and (${column(accountUsers, 'role')} = 'administrator'
             or exists (select 1 from ${inboxMembers}
                        where ${column(inboxMembers, 'inbox_id')} = ${column(inboxes, 'id')} and ${column(inboxMembers, 'user_id')} = ${column(accountUsers, 'user_id')}))
      order by 1)`,
    teamIds: sql<number[]>`array(
      select ${column(teams, 'id')} from ${teamMembers} join ${teams} on ${column(teams, 'id')} = ${column(teamMembers, 'team_id')}
      where ${column(teamMembers, 'user_id')} = ${column(accountUsers, 'user_id')} and ${column(teams, 'account_id')} = ${column(accountUsers, 'account_id')}
      order by 1)`,
  };
};

export const actorOf = (userId: number, membership: Pick<Actor, 'accountId' | 'role'> & { inboxIds: number[]; teamIds: number[] }): Actor => ({
  userId,
  accountId: membership.accountId,
  role: membership.role,
  inboxIds: membership.inboxIds.map(Number),
  teamIds: membership.teamIds.map(Number),
});

// Resolves who is acting, once per request: null when the user is not an active member of the
// account, so a deactivated member loses access at their next request, whatever their session says.
export const loadActor = async (db: DbOrTx, { userId, accountId }: LoadActorOptions): Promise<Actor | null> => {
  // Ids come from a session token: anything but a positive integer names nobody (and must not reach
  // the query, where NaN or 2^40 would be an SQL error rather than "no actor").
  if (!isDbId(userId) || (accountId !== undefined && !isDbId(accountId))) return null;
  // One statement (one round trip, on every request): the membership with its inboxes and teams.
  const [membership] = await db
    .select({ accountId: accountUsers.accountId, role: accountUsers.role, ...membershipScopeColumns() })
    .from(accountUsers)
    .where(
      and(
        eq(accountUsers.userId, userId),
        eq(accountUsers.active, true),
        accountId === undefined ? undefined : eq(accountUsers.accountId, accountId),
      ),
    )
    .orderBy(asc(accountUsers.createdAt), asc(accountUsers.accountId))
    .limit(1);
  if (!membership) return null;

  return actorOf(userId, membership);
};
