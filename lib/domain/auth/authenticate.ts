import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { accountUsers, signInAttempts, users } from '@/db/schema';
import { hashPassword, passwordNeedsRehash, verifyPassword } from '@/lib/auth/password';
import { DomainError } from '../errors';
import { passwordStamp } from './session-validity';

// Limits, all over a 15-minute window: 5 failed tries per email from one IP address (a success from
// that address starts its count again), and 20 failures per IP address whatever the emails.
export const SIGN_IN_MAX_FAILURES = 5;
export const SIGN_IN_MAX_FAILURES_PER_IP = 20;
export const SIGN_IN_WINDOW_MINUTES = 15;

// Advisory lock namespaces (two-int form, so they never collide with the migration lock or with
// each other). See reserveSignInAttempt for why there is a lock.
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

export type AuthenticatedUser = {
  userId: number;
  accountId: number;
  locale: 'es' | 'en';
  name: string;
  email: string;
  // Carried in the session: a session whose stamp is not the current password's is signed out.
  passwordStamp: string;
};

const minutesUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));

// When this email from this IP, or this IP, is locked out: the minutes until it is not; else null.
// Per email AND IP: locked while the pair's 5 newest attempts in the window all failed, so its owner
// typing the password wrong is not locked out after a success. There is deliberately no lock per
// email alone: anyone could name a victim's email from elsewhere and keep them out (the victim's own
// address, which did not fail, always gets through with the right password).
// Per IP: 20 failures in the window whatever happened in between, so guessing across many emails (or
// resetting the pair's count through an account the attacker controls) is stopped; an office behind
// one NAT address shares it, hence a higher count than the pair's.
const lockedOutMinutes = async (db: Pick<Db, 'select'>, email: string, ip: string, now: Date): Promise<number | null> => {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const byEmailAndIp = await db
    .select({ succeeded: signInAttempts.succeeded, attemptedAt: signInAttempts.attemptedAt })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.ip, ip), gt(signInAttempts.attemptedAt, since)))
    .orderBy(desc(signInAttempts.attemptedAt), desc(signInAttempts.id))
    .limit(SIGN_IN_MAX_FAILURES);
  const byIp = await db
    .select({ attemptedAt: signInAttempts.attemptedAt })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.ip, ip), eq(signInAttempts.succeeded, false), gt(signInAttempts.attemptedAt, since)))
    .orderBy(desc(signInAttempts.attemptedAt), desc(signInAttempts.id))
    .limit(SIGN_IN_MAX_FAILURES_PER_IP);

  // The lockout ends when the oldest of those failures leaves the window.
  const until: Date[] = [];
  if (byEmailAndIp.length === SIGN_IN_MAX_FAILURES && byEmailAndIp.every((attempt) => !attempt.succeeded)) until.push(byEmailAndIp.at(-1)!.attemptedAt);
  if (byIp.length === SIGN_IN_MAX_FAILURES_PER_IP) until.push(byIp.at(-1)!.attemptedAt);
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
export const reserveSignInAttempt = (db: Db, email: string, ip: string, now: Date): Promise<number> =>
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

// The attempt reserved by reserveSignInAttempt succeeded: it no longer counts as a failure.
export const markSignInSucceeded = async (db: Db, attemptId: number): Promise<void> => {
  await db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, attemptId));
};

// Signs a person in with email and password. Wrong password, unknown email, no password set and no
// active membership all give the same INVALID_CREDENTIALS after the same work, so the answer never
// reveals whether an email has an account. RATE_LIMITED is checked before the password.
export const authenticate = async (db: Db, input: TAuthenticateInput): Promise<AuthenticatedUser> => {
  const parsed = ZAuthenticateInput.safeParse(input);
  if (!parsed.success) throw new DomainError('INVALID_CREDENTIALS');
  const { email, password, ip, now } = parsed.data;

  const attemptId = await reserveSignInAttempt(db, email, ip, now);

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

  await markSignInSucceeded(db, attemptId);
  // Hashes made with older argon2 parameters are upgraded while the plain password is at hand (this
  // changes the password stamp, so the person's other sessions sign in again once).
  let passwordHash = candidate.passwordHash;
  if (passwordNeedsRehash(passwordHash)) {
    passwordHash = await hashPassword(password);
    await db.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, candidate.userId));
  }
  return {
    userId: candidate.userId,
    accountId: candidate.accountId,
    locale: candidate.locale,
    name: candidate.name,
    email: candidate.email,
    passwordStamp: passwordStamp(passwordHash),
  };
};
