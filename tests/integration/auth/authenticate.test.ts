import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accountUsers, signInAttempts } from '@/db/schema';
import { authenticate } from '@/lib/domain/auth/authenticate';
import { DomainError } from '@/lib/domain/errors';
import { useTestDatabase } from '../../helpers/db';
import { addAccountMember, createAccount, createUser } from '../../helpers/factories';

const database = useTestDatabase();

const PASSWORD = 'correct horse battery staple';
const T0 = new Date('2030-03-01T10:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

// Each test signs in from its own address, so the per-IP limit of one test never touches another.
let lastIp = 0;
const newIp = () => `192.0.2.${++lastIp}`;

const signUp = async (options: { email?: string; active?: boolean; password?: string | null } = {}) => {
  const { db } = database();
  const account = await createAccount(db, { name: 'Acme' });
  const user = await createUser(db, {
    accountId: account.id,
    email: options.email ?? `ana-${crypto.randomUUID().slice(0, 8)}@example.test`,
    name: 'Ana',
    locale: 'en',
    password: options.password === null ? undefined : (options.password ?? PASSWORD),
    active: options.active,
  });
  return { account, user };
};

// The error a call ends with (the tests compare whole errors, not only codes).
const failureOf = async (attempt: Promise<unknown>): Promise<DomainError> => {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the sign-in to fail');
};

const attemptsOf = (email: string) =>
  database().db.select({ succeeded: signInAttempts.succeeded, ip: signInAttempts.ip }).from(signInAttempts).where(eq(signInAttempts.email, email));

describe('authenticate', { timeout: 180_000 }, () => {
  it('signs in with the right email and password, and records the attempt', async () => {
    const { db } = database();
    const { account, user } = await signUp();
    const ip = newIp();

    const signedIn = await authenticate(db, { email: user.email, password: PASSWORD, ip, now: T0 });

    expect(signedIn).toEqual({ userId: user.id, accountId: account.id, locale: 'en', name: 'Ana', email: user.email, passwordStamp: expect.stringMatching(/^[\w-]{22}$/) });
    expect(await attemptsOf(user.email)).toEqual([{ succeeded: true, ip }]);
  });

  it('compares emails trimmed and case-insensitively', async () => {
    const { db } = database();
    const id = crypto.randomUUID().slice(0, 8);
    const { user } = await signUp({ email: `Ana.${id}@Example.test` });

    const signedIn = await authenticate(db, { email: `  ana.${id.toUpperCase()}@EXAMPLE.TEST `, password: PASSWORD, ip: newIp(), now: T0 });
    expect(signedIn.userId).toBe(user.id);
  });

  it('answers a wrong password and an unknown email with the same INVALID_CREDENTIALS, and records both', async () => {
    const { db } = database();
    const { user } = await signUp();
    const unknown = `nobody-${crypto.randomUUID()}@example.test`;

    const wrongPassword = await failureOf(authenticate(db, { email: user.email, password: 'wrong', ip: newIp(), now: T0 }));
    const unknownEmail = await failureOf(authenticate(db, { email: unknown, password: PASSWORD, ip: newIp(), now: T0 }));

    expect(wrongPassword.code).toBe('INVALID_CREDENTIALS');
    expect([unknownEmail.code, unknownEmail.message, unknownEmail.details]).toEqual([wrongPassword.code, wrongPassword.message, wrongPassword.details]);
    expect(await attemptsOf(user.email)).toEqual([{ succeeded: false, ip: expect.any(String) }]);
    expect(await attemptsOf(unknown)).toEqual([{ succeeded: false, ip: expect.any(String) }]);
  });

  it('costs about as much CPU for an unknown email as for a wrong password (both verify a hash)', async () => {
    const { db } = database();
    const { user } = await signUp();
    // Process CPU time (argon2 runs on libuv's threads, which it counts), not wall time: a loaded
    // machine stretches the wall clock of both calls unevenly, but not the work each one does.
    const cpu = async (email: string) => {
      const started = process.cpuUsage();
      await failureOf(authenticate(db, { email, password: 'wrong', ip: newIp(), now: T0 }));
      const used = process.cpuUsage(started);
      return used.user + used.system;
    };
    const median = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)];
    // Warm-up: the first unknown email also computes the process's dummy hash.
    await cpu(`warm-up-${crypto.randomUUID()}@example.test`);

    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await cpu(user.email));
      unknown.push(await cpu(`nobody-${crypto.randomUUID()}@example.test`));
    }
    // Without the dummy verification the unknown email would cost a small fraction (no argon2).
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('refuses a member whose membership is inactive, a user with no account and a user with no password', async () => {
    const { db } = database();
    const { user: inactive } = await signUp({ active: false });
    const { account, user: noPassword } = await signUp({ password: null });
    const { user: detached } = await signUp();
    await db.delete(accountUsers).where(eq(accountUsers.userId, detached.id));

    for (const user of [inactive, noPassword, detached]) {
      const failure = await failureOf(authenticate(db, { email: user.email, password: PASSWORD, ip: newIp(), now: T0 }));
      expect(failure.code).toBe('INVALID_CREDENTIALS');
    }
    expect(account.id).toBeGreaterThan(0);
  });

  it('signs a member of several accounts into the first active one', async () => {
    const { db } = database();
    const { account: joinedLater, user } = await signUp();
    const joinedFirst = await createAccount(db);
    await addAccountMember(db, { accountId: joinedFirst.id, userId: user.id, createdAt: new Date('2020-01-01T00:00:00Z') });

    expect((await authenticate(db, { email: user.email, password: PASSWORD, ip: newIp(), now: T0 })).accountId).toBe(joinedFirst.id);
    await db.update(accountUsers).set({ active: false }).where(and(eq(accountUsers.userId, user.id), eq(accountUsers.accountId, joinedFirst.id)));
    expect((await authenticate(db, { email: user.email, password: PASSWORD, ip: newIp(), now: T0 })).accountId).toBe(joinedLater.id);
  });
});

// Every time these tests compare is the injected `now`; none is measured. What takes wall time here is
// argon2 (about 75 ms per verify on a quiet machine, seconds on a loaded one), so the tests of this
// block get a timeout that no load reaches instead of the project's 20 s.
describe('authenticate rate limit', { timeout: 180_000 }, () => {
  it('after 5 failures for an email from one address, refuses the 6th from there with RATE_LIMITED even with the right password, and records nothing', async () => {
    const { db } = database();
    const { user } = await signUp();
    const attacker = newIp();
    for (let i = 0; i < 5; i++) {
      const failure = await failureOf(authenticate(db, { email: user.email, password: 'wrong', ip: attacker, now: minutes(i) }));
      expect(failure.code).toBe('INVALID_CREDENTIALS');
    }

    const limited = await failureOf(authenticate(db, { email: user.email.toUpperCase(), password: PASSWORD, ip: attacker, now: minutes(5) }));

    // The first failure (T0) leaves the window at T0 + 15 min: 10 minutes from now.
    expect(limited.code).toBe('RATE_LIMITED');
    expect(limited.details).toEqual({ retryAfterMinutes: 10 });
    expect(await attemptsOf(user.email)).toHaveLength(5);
  });

  it('cannot be used to lock someone out from elsewhere: the right password from an address that did not fail signs in', async () => {
    const { db } = database();
    const { user } = await signUp();
    // An attacker fails for the victim's email from several addresses, 5 times each.
    for (const attacker of [newIp(), newIp(), newIp()]) {
      for (let i = 0; i < 5; i++) await failureOf(authenticate(db, { email: user.email, password: 'wrong', ip: attacker, now: minutes(i) }));
      expect((await failureOf(authenticate(db, { email: user.email, password: PASSWORD, ip: attacker, now: minutes(5) }))).code).toBe('RATE_LIMITED');
    }

    // The victim, from their own address, meanwhile: even after typing it wrong 4 times.
    const victim = newIp();
    for (let i = 0; i < 4; i++) await failureOf(authenticate(db, { email: user.email, password: 'typo', ip: victim, now: minutes(5) }));
    expect((await authenticate(db, { email: user.email, password: PASSWORD, ip: victim, now: minutes(6) })).userId).toBe(user.id);
  });

  it('does not extend the lockout while someone keeps retrying', async () => {
    const { db } = database();
    const { user } = await signUp();
    const ip = newIp();
    for (let i = 0; i < 5; i++) await failureOf(authenticate(db, { email: user.email, password: 'wrong', ip, now: T0 }));

    for (const minute of [1, 5, 10, 14]) {
      const limited = await failureOf(authenticate(db, { email: user.email, password: 'wrong', ip, now: minutes(minute) }));
      expect(limited.details).toEqual({ retryAfterMinutes: 15 - minute });
    }
    // 15 minutes after the fifth failure the address may sign in again, despite the blocked tries.
    expect((await authenticate(db, { email: user.email, password: PASSWORD, ip, now: minutes(15) })).userId).toBe(user.id);
  });

  it('does not count attempts older than 15 minutes', async () => {
    const { db } = database();
    const { user } = await signUp();
    const ip = newIp();
    for (let i = 0; i < 5; i++) await failureOf(authenticate(db, { email: user.email, password: 'wrong', ip, now: minutes(-16) }));
    for (let i = 0; i < 4; i++) await failureOf(authenticate(db, { email: user.email, password: 'wrong', ip, now: T0 }));

    // 9 failures in all, only 4 of them in the last 15 minutes.
    expect((await authenticate(db, { email: user.email, password: PASSWORD, ip, now: T0 })).userId).toBe(user.id);
  });

  it('limits an IP to 20 failures across different emails, without locking those emails elsewhere', async () => {
    const { db } = database();
    const { user } = await signUp();
    const attacker = newIp();
    for (let i = 0; i < 20; i++) {
      await failureOf(authenticate(db, { email: `guess-${i}-${crypto.randomUUID()}@example.test`, password: 'wrong', ip: attacker, now: T0 }));
    }

    const limited = await failureOf(authenticate(db, { email: user.email, password: PASSWORD, ip: attacker, now: minutes(1) }));
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterMinutes: 14 } });
    expect((await authenticate(db, { email: user.email, password: PASSWORD, ip: newIp(), now: minutes(1) })).userId).toBe(user.id);
  });

  it('starts the count for an email and address again after a successful sign-in, but not the per-IP count', async () => {
    const { db } = database();
    const { user } = await signUp();
    const ip = newIp();
    const fail = () => failureOf(authenticate(db, { email: user.email, password: 'wrong', ip, now: T0 }));
    for (let i = 0; i < 4; i++) await fail();
    await authenticate(db, { email: user.email, password: PASSWORD, ip, now: T0 });
    for (let i = 0; i < 4; i++) await fail();
    expect((await authenticate(db, { email: user.email, password: PASSWORD, ip, now: T0 })).userId).toBe(user.id);

    // One IP: 19 failures, a success, one more failure make 20 failures for that address.
    const { user: other } = await signUp();
    const shared = newIp();
    for (let i = 0; i < 19; i++) await failureOf(authenticate(db, { email: `x-${i}-${crypto.randomUUID()}@example.test`, password: 'wrong', ip: shared, now: T0 }));
    await authenticate(db, { email: other.email, password: PASSWORD, ip: shared, now: T0 });
    await failureOf(authenticate(db, { email: `y-${crypto.randomUUID()}@example.test`, password: 'wrong', ip: shared, now: T0 }));
    expect((await failureOf(authenticate(db, { email: other.email, password: PASSWORD, ip: shared, now: T0 }))).code).toBe('RATE_LIMITED');
  });

  it('lets no more than 5 concurrent wrong attempts from one address through to the password check', async () => {
    const { db } = database();
    const { user } = await signUp();
    const ip = newIp();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => failureOf(authenticate(db, { email: user.email, password: 'wrong', ip, now: T0 }))),
    );

    expect(results.filter((error) => error.code === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(results.filter((error) => error.code === 'RATE_LIMITED')).toHaveLength(3);
    expect(await attemptsOf(user.email)).toHaveLength(5);
  });
});
