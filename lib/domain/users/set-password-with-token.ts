import { and, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { users, userTokens } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { hashUserToken } from '../agents/user-token';
import { DomainError } from '../errors';
import { ZNewPassword } from './password-schemas';

export const ZSetPasswordWithTokenInput = z.object({ token: z.string().min(1).max(200), password: ZNewPassword, now: z.date() });
export type TSetPasswordWithTokenInput = z.input<typeof ZSetPasswordWithTokenInput>;

// The public set-password page: the person who got an invitation (or reset) link chooses a
// password. The token is consumed in the same statement that checks it (UPDATE … WHERE unused
// AND not expired RETURNING), so two submissions of one link cannot both succeed. An unknown,
// used or expired token is NOT_FOUND `token`; a short password INVALID_INPUT `password` (the
// token is then left unused). Returns the email, to sign in with next.
export const setPasswordWithToken = async (db: Db, input: TSetPasswordWithTokenInput): Promise<{ email: string }> => {
  const parsed = ZSetPasswordWithTokenInput.safeParse(input);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    throw field === 'token' ? new DomainError('NOT_FOUND', { entity: 'token' }) : new DomainError('INVALID_INPUT', { field });
  }
  const { token, password, now } = parsed.data;
  // Hashed before the transaction: argon2 takes ~75 ms and must not hold the row lock.
  const passwordHash = await hashPassword(password);

  return db.transaction(async (tx) => {
    const [consumed] = await tx
      .update(userTokens)
      .set({ usedAt: now })
      .where(and(eq(userTokens.tokenHash, hashUserToken(token)), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
      .returning({ userId: userTokens.userId });
    if (!consumed) throw new DomainError('NOT_FOUND', { entity: 'token' });
    const [user] = await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, consumed.userId)).returning({ email: users.email });
    return { email: user.email };
  });
};
