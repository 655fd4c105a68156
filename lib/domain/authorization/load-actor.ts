import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { accountUsers, inboxes, inboxMembers, teamMembers, teams } from '@/db/schema';
import type { Actor } from '../context';

const isId = (value: number) => Number.isInteger(value) && value > 0 && value <= 2_147_483_647;

export type LoadActorOptions = {
  userId: number;
  // Without it the user's first active account is used (the one they joined first).
  accountId?: number;
};

// Resolves who is acting, once per request: null when the user is not an active member of the
// account, so a deactivated member loses access at their next request, whatever their session says.
export const loadActor = async (db: DbOrTx, { userId, accountId }: LoadActorOptions): Promise<Actor | null> => {
  // Ids come from a session token: anything but a positive integer names nobody (and must not reach
  // the query, where NaN or 2^40 would be an SQL error rather than "no actor").
  if (!isId(userId) || (accountId !== undefined && !isId(accountId))) return null;
  const [membership] = await db
    .select({ accountId: accountUsers.accountId, role: accountUsers.role })
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

  // Administrators get every inbox of the account; agents the ones they are members of. Both are
  // filtered by the account, so a stray membership in another account's inbox never leaks in.
  const inboxRows =
    membership.role === 'administrator'
      ? await db.select({ id: inboxes.id }).from(inboxes).where(eq(inboxes.accountId, membership.accountId)).orderBy(asc(inboxes.id))
      : await db
          .select({ id: inboxes.id })
          .from(inboxMembers)
          .innerJoin(inboxes, eq(inboxes.id, inboxMembers.inboxId))
          .where(and(eq(inboxMembers.userId, userId), eq(inboxes.accountId, membership.accountId)))
          .orderBy(asc(inboxes.id));

  const teamRows = await db
    .select({ id: teams.id })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.userId, userId), eq(teams.accountId, membership.accountId)))
    .orderBy(asc(teams.id));

  return {
    userId,
    accountId: membership.accountId,
    role: membership.role,
    inboxIds: inboxRows.map((row) => row.id),
    teamIds: teamRows.map((row) => row.id),
  };
};
