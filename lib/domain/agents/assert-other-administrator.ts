import { and, count, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { accounts, accountUsers } from '@/db/schema';
import { DomainError } from '../errors';

// An account always keeps one active administrator: demoting or deactivating the last one is
// CONFLICT `lastAdministrator`. The account row is locked first, so two administrators demoting
// each other at the same moment take turns and the second one is refused.
export const assertOtherAdministrator = async (db: DbOrTx, { accountId, userId }: { accountId: number; userId: number }): Promise<void> => {
  await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId)).for('update');
  const [{ others }] = await db
    .select({ others: count() })
    .from(accountUsers)
    .where(and(eq(accountUsers.accountId, accountId), eq(accountUsers.role, 'administrator'), eq(accountUsers.active, true), ne(accountUsers.userId, userId)));
  if (others === 0) throw new DomainError('CONFLICT', { field: 'lastAdministrator' });
};
