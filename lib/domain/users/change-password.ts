import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { markSignInSucceeded, reserveSignInAttempt } from '../auth/authenticate';
import { passwordStamp } from '../auth/session-validity';
import type { Ctx } from '../context';
import { DomainError, isDomainError } from '../errors';
import { ZNewPassword } from './password-schemas';

export const ZChangePasswordInput = z.object({
  currentPassword: z.string().max(1024),
  newPassword: ZNewPassword,
  // The request's address: guesses of the current password count like sign-in attempts.
  ip: z
    .string()
    .trim()
    .transform((ip) => ip.slice(0, 100) || 'unknown'),
});
export type TChangePasswordInput = z.input<typeof ZChangePasswordInput>;

// Profile: the signed-in person changes their own password, proving they know the current one
// (INVALID_CREDENTIALS `currentPassword` otherwise): a session left open on a shared computer
// must not be enough to take the account over. Each check of the current password is a sign-in
// attempt (the same per email+IP and per IP limits, RATE_LIMITED), so an open session cannot guess
// faster than the sign-in form. Returns the new password's session stamp: every session carrying the
// old one is signed out at its next request; the caller gives the new one to its own session.
export const changePassword = async (ctx: Ctx, input: TChangePasswordInput): Promise<{ passwordStamp: string }> => {
  const parsed = ZChangePasswordInput.safeParse(input);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', { field: String(parsed.error.issues[0]?.path[0] ?? '') });
  const [user] = await ctx.db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, ctx.actor.userId));
  if (!user) throw new DomainError('NOT_FOUND', { entity: 'user' });
  const attemptId = await reserveSignInAttempt(ctx.db, user.email.trim().toLowerCase(), parsed.data.ip, ctx.now()).catch((error: unknown) => {
    // The form's message names the minutes ("Espera {minutes} minutos").
    if (isDomainError(error) && error.code === 'RATE_LIMITED') {
      throw new DomainError('RATE_LIMITED', { minutes: Number(error.details.retryAfterMinutes), field: 'currentPassword' });
    }
    throw error;
  });
  if (!(await verifyPassword(user.passwordHash, parsed.data.currentPassword))) {
    throw new DomainError('INVALID_CREDENTIALS', { field: 'currentPassword' });
  }
  await markSignInSucceeded(ctx.db, attemptId);
  const passwordHash = await hashPassword(parsed.data.newPassword);
  await ctx.db.update(users).set({ passwordHash, updatedAt: ctx.now() }).where(eq(users.id, ctx.actor.userId));
  // Sockets opened by the old sessions end too; the changer's own reconnect with its new session.
  await ctx.realtime.endUserConnections(ctx.actor.userId);
  return { passwordStamp: passwordStamp(passwordHash) };
};
