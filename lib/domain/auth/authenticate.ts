import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { accountUsers, signInAttempts, users } from '@/db/schema';
import { hashPassword, passwordNeedsRehash, verifyPassword } from '@/lib/auth/password';
import { DomainError } from '../errors';

// The limit: 5 failed tries in 15 minutes, per email and per IP.
export const SIGN_IN_MAX_FAILURES = 5;
export const SIGN_IN_WINDOW_MINUTES = 15;

// Advisory lock namespaces (two-int form, so they never collide with the migration lock or with
// each other). See reserveAttempt for why there is a lock.
const EMAIL_LOCK = 7_243_010;
const IP_LOCK = 7_243_011;

export const ZAuthenticateInput = z.object({
  // Emails are compared trimmed and case-insensitively; attempts are stored in this form.
  email: z.string().trim().toLowerCase().max(320),
  // argon2 of a megabyte-long password is a cheap way to burn our CPU.
  password: z.string().max(1024),
  ip: z
    .string()
    .trim()
    .transform((ip) => ip.slice(0, 100) || 'unknown'),
  now: z.date(),
});
export type TAuthenticateInput = z.input<typeof ZAuthenticateInput>;

export type AuthenticatedUser = { userId: number; accountId: number; locale: 'es' | 'en'; name: string; email: string };

const minutesUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));

// When the email or the IP is locked out, the minutes until it is not; otherwise null.
// Per email: locked while its 5 newest attempts in the window all failed, so a successful sign-in
// starts the count again (its owner typing the password wrong later is not locked at once).
// Per IP: 5 failures in the window, whatever happened in between, so one account an attacker
// controls cannot be used to reset the counter while guessing other people's passwords.
const lockedOutMinutes = async (db: Pick<Db, 'select'>, email: string, ip: string, now: Date): Promise<number | null> => {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const byEmail = await db
    .select({ succeeded: signInAttempts.succeeded, attemptedAt: signInAttempts.attemptedAt })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), gt(signInAttempts.attemptedAt, since)))
    .orderBy(desc(signInAttempts.attemptedAt), desc(signInAttempts.id))
    .limit(SIGN_IN_MAX_FAILURES);
  const byIp = await db
    .select({ attemptedAt: signInAttempts.attemptedAt })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.ip, ip), eq(signInAttempts.succeeded, false), gt(signInAttempts.attemptedAt, since)))
    .orderBy(desc(signInAttempts.attemptedAt), desc(signInAttempts.id))
    .limit(SIGN_IN_MAX_FAILURES);

  // The lockout ends when the oldest of those 5 failures leaves the window.
  const until: Date[] = [];
  if (byEmail.length === SIGN_IN_MAX_FAILURES && byEmail.every((attempt) => !attempt.succeeded)) until.push(byEmail.at(-1)!.attemptedAt);
  if (byIp.length === SIGN_IN_MAX_FAILURES) until.push(byIp.at(-1)!.attemptedAt);
  if (until.length === 0) return null;
  const latest = Math.max(...until.map((date) => date.getTime())) + SIGN_IN_WINDOW_MINUTES * 60_000;
  return minutesUntil(new Date(latest), now);
};

// Checks the limit and records the attempt as failed in one short transaction, before the password
// is verified. The advisory locks make concurrent attempts for one email or IP take turns here, so
// a burst of parallel requests cannot all pass the check before any is recorded; the locks are not
// held during the (slow) verification. The lock order is always email then IP: no deadlock.
// A rate-limited attempt rolls back and records nothing: if blocked tries counted as failures,
// someone who keeps retrying (or an attacker naming a victim's email) would extend the lockout
// forever; this way it ends 15 minutes after the 5th real failure, whatever happens meanwhile.
const reserveAttempt = (db: Db, email: string, ip: string, now: Date): Promise<number> =>
  db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${EMAIL_LOCK}::int, hashtext(${email}::text))`);
    await tx.execute(sql`select pg_advisory_xact_lock(${IP_LOCK}::int, hashtext(${ip}::text))`);
    const retryAfterMinutes = await lockedOutMinutes(tx, email, ip, now);
    if (retryAfterMinutes !== null) throw new DomainError('RATE_LIMITED', { retryAfterMinutes });
    const [attempt] = await tx
      .insert(signInAttempts)
      .values({ email, ip, succeeded: false, attemptedAt: now })
      .returning({ id: signInAttempts.id });
    return attempt.id;
  });

// Signs a person in with email and password. Wrong password, unknown email, no password set and no
// active membership all give the same INVALID_CREDENTIALS after the same work, so the answer never
// reveals whether an email has an account. RATE_LIMITED is checked before the password.
export const authenticate = async (db: Db, input: TAuthenticateInput): Promise<AuthenticatedUser> => {
  const parsed = ZAuthenticateInput.safeParse(input);
  if (!parsed.success) throw new DomainError('INVALID_CREDENTIALS');
  const { email, password, ip, now } = parsed.data;

  const attemptId = await reserveAttempt(db, email, ip, now);

  // The user with their first active account (the same choice loadActor makes without accountId).
  const [candidate] = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      passwordHash: users.passwordHash,
      accountId: accountUsers.accountId,
    })
    .from(users)
    .leftJoin(accountUsers, and(eq(accountUsers.userId, users.id), eq(accountUsers.active, true)))
    // lower() on both sides: PostgreSQL's lower is what the users_email_lower_key index holds.
    .where(sql`lower(${users.email}) = lower(${email})`)
    .orderBy(sql`${accountUsers.createdAt} asc nulls last`, asc(accountUsers.accountId))
    .limit(1);

  // With no user (or no password set yet) verifyPassword spends a full argon2 verify on a dummy hash,
  // so an unknown email costs what a wrong password costs: timing does not reveal accounts either.
  const passwordMatches = await verifyPassword(candidate?.passwordHash, password);
  if (!candidate?.passwordHash || !passwordMatches || candidate.accountId === null) {
    throw new DomainError('INVALID_CREDENTIALS');
  }

  await db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, attemptId));
  // Hashes made with older argon2 parameters are upgraded while the plain password is at hand.
  if (passwordNeedsRehash(candidate.passwordHash)) {
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(password), updatedAt: now })
      .where(eq(users.id, candidate.userId));
  }
  return { userId: candidate.userId, accountId: candidate.accountId, locale: candidate.locale, name: candidate.name, email: candidate.email };
};
