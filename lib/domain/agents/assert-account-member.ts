import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { accountUsers } from '@/db/schema';
import { DomainError } from '../errors';

// A user who is not a member of the account (or does not exist) is NOT_FOUND `user`: team and
// inbox memberships never reach across accounts.
export const assertAccountMember = async (db: DbOrTx, { accountId, userId }: { accountId: number; userId: number }): Promise<void> => {
  const [member] = await db
    .select({ userId: accountUsers.userId })
    .from(accountUsers)
    .where(and(eq(accountUsers.accountId, accountId), eq(accountUsers.userId, userId)));
  if (!member) throw new DomainError('NOT_FOUND', { entity: 'user' });
};
