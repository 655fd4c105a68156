import { and, eq } from 'drizzle-orm';
import { accountUsers, users } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import type { Actor, Role } from '../context';
import { DomainError } from '../errors';

export type Member = { userId: number; role: Role; active: boolean; hasPassword: boolean };

// A member of the actor's account, locked for the change (FOR UPDATE); NOT_FOUND for anyone else.
export const loadMemberForUpdate = async (db: DbOrTx, actor: Actor, userId: number): Promise<Member> => {
  const [member] = await db
    .select({ userId: accountUsers.userId, role: accountUsers.role, active: accountUsers.active, passwordHash: users.passwordHash })
    .from(accountUsers)
    .innerJoin(users, eq(users.id, accountUsers.userId))
    .where(and(eq(accountUsers.accountId, actor.accountId), eq(accountUsers.userId, userId)))
    .for('update', { of: accountUsers });
  if (!member) throw new DomainError('NOT_FOUND', { entity: 'user' });
  return { userId: member.userId, role: member.role, active: member.active, hasPassword: member.passwordHash !== null };
};
