import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { ZNewPassword } from './password-schemas';

export const ZChangePasswordInput = z.object({ currentPassword: z.string().max(1024), newPassword: ZNewPassword });
export type TChangePasswordInput = z.input<typeof ZChangePasswordInput>;

// Profile: the signed-in person changes their own password, proving they know the current one
// (INVALID_CREDENTIALS `currentPassword` otherwise): a session left open on a shared computer
// must not be enough to take the account over.
export const changePassword = async (ctx: Ctx, input: TChangePasswordInput): Promise<void> => {
  const parsed = ZChangePasswordInput.safeParse(input);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', { field: String(parsed.error.issues[0]?.path[0] ?? '') });
  const [user] = await ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, ctx.actor.userId));
  if (!(await verifyPassword(user?.passwordHash, parsed.data.currentPassword))) {
    throw new DomainError('INVALID_CREDENTIALS', { field: 'currentPassword' });
  }
  await ctx.db
    .update(users)
    .set({ passwordHash: await hashPassword(parsed.data.newPassword), updatedAt: ctx.now() })
    .where(eq(users.id, ctx.actor.userId));
};
