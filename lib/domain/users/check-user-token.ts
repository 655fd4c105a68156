import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users, userTokens } from '@/db/schema';
import { hashUserToken } from '../agents/user-token';

// Whether a set-password link still works, and for whom (the page greets them), without using it.
export const checkUserToken = async (db: Db, { token, now }: { token: string; now: Date }): Promise<{ name: string; email: string } | null> => {
  if (!token || token.length > 200) return null;
  const [row] = await db
    .select({ name: users.name, email: users.email })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(and(eq(userTokens.tokenHash, hashUserToken(token)), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
    .limit(1);
  return row ?? null;
};
