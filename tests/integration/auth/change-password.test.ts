import { describe, expect, it } from 'vitest';
import { authenticate } from '@/lib/domain/auth/authenticate';
import { revokeSession } from '@/lib/domain/auth/revoke-session';
import { loadSessionActor } from '@/lib/domain/auth/session-actor';
import { isSessionCurrent } from '@/lib/domain/auth/session-validity';
import { changePassword } from '@/lib/domain/users/change-password';
import { setPasswordWithToken } from '@/lib/domain/users/set-password-with-token';
import { userTokens } from '@/db/schema';
import { INVITATION_PURPOSE } from '@/lib/domain/agents/agent-schemas';
import { newUserToken } from '@/lib/domain/agents/user-token';
import { useTestDatabase } from '../../helpers/db';
import { actorFor, createAccount, createUser, ctxFor } from '../../helpers/factories';

const database = useTestDatabase();
const T0 = new Date('2030-04-01T09:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

const setUp = async () => {
  const { db } = database();
  const account = await createAccount(db);
  const user = await createUser(db, { accountId: account.id, password: 'contraseña-vieja' });
  return { db, account, user };
};

// argon2 takes the wall time here; the limits are measured with the injected clock only.
describe('changePassword', { timeout: 180_000 }, () => {
  it('signs out every other session of the person; the session that changed it takes the new stamp', async () => {
    const { db, account, user } = await setUp();
    const laptop = await authenticate(db, { email: user.email, password: 'contraseña-vieja', ip: '198.51.100.1', now: T0 });
    const phone = await authenticate(db, { email: user.email, password: 'contraseña-vieja', ip: '198.51.100.2', now: T0 });
    const session = (sessionId: string, stamp: string) => isSessionCurrent(db, { sessionId, userId: user.id, passwordStamp: stamp });
    expect(laptop.passwordStamp).toBe(phone.passwordStamp);
    expect(await session('laptop', laptop.passwordStamp)).toBe(true);
    expect(await session('phone', phone.passwordStamp)).toBe(true);

    const ctx = ctxFor(db, await actorFor(db, user.id, account.id), { now: minutes(1) });
    const { passwordStamp } = await changePassword(ctx, { currentPassword: 'contraseña-vieja', newPassword: 'contraseña-nueva', ip: '198.51.100.1' });

    expect(passwordStamp).not.toBe(laptop.passwordStamp);
    expect(await session('phone', phone.passwordStamp)).toBe(false);
    expect(await session('laptop', passwordStamp)).toBe(true);
    // A stamp the client makes up (update() can be called from the browser) is worth nothing.
    expect(await session('phone', 'x'.repeat(22))).toBe(false);
    expect(await session('phone', '')).toBe(false);
    // A signed-out session stays signed out with the right stamp.
    await revokeSession(db, { sessionId: 'laptop', userId: user.id, expiresAt: minutes(60) });
    expect(await session('laptop', passwordStamp)).toBe(false);
  });

  it('every request resolves its actor through the stamp (loadSessionActor): the old password has none, the changer keeps theirs', async () => {
    const { db, account, user } = await setUp();
    const phone = await authenticate(db, { email: user.email, password: 'contraseña-vieja', ip: '198.51.100.4', now: T0 });
    const claims = (sessionId: string, passwordStamp: string) => ({ sessionId, userId: user.id, accountId: account.id, passwordStamp });
    expect(await loadSessionActor(db, claims('phone-2', phone.passwordStamp))).toMatchObject({ userId: user.id, accountId: account.id });

    const ctx = ctxFor(db, await actorFor(db, user.id, account.id), { now: minutes(1) });
    const { passwordStamp } = await changePassword(ctx, { currentPassword: 'contraseña-vieja', newPassword: 'contraseña-nueva', ip: '198.51.100.4' });
    // The other sessions are signed out; the changer's (given the new stamp by the action) is not.
    expect(await loadSessionActor(db, claims('phone-2', phone.passwordStamp))).toBeNull();
    expect(await loadSessionActor(db, claims('laptop-2', passwordStamp))).toMatchObject({ userId: user.id });
    // Their realtime sockets are ended too (the port the embedded server / Pusher terminates).
    expect(ctx.endedConnections).toEqual([user.id]);
    // A signed-out session with the right stamp, or a membership of another account, names nobody.
    await revokeSession(db, { sessionId: 'laptop-2', userId: user.id, expiresAt: minutes(60) });
    expect(await loadSessionActor(db, claims('laptop-2', passwordStamp))).toBeNull();
    const other = await createAccount(db);
    expect(await loadSessionActor(db, { ...claims('desk-2', passwordStamp), accountId: other.id })).toBeNull();
  });

  it('a password set from an invitation or reset link signs out the sessions of the old password too', async () => {
    const { db, user } = await setUp();
    const old = await authenticate(db, { email: user.email, password: 'contraseña-vieja', ip: '198.51.100.3', now: T0 });
    const { token, tokenHash } = newUserToken();
    await db.insert(userTokens).values({ userId: user.id, purpose: INVITATION_PURPOSE, tokenHash, expiresAt: minutes(60), createdAt: T0 });

    await setPasswordWithToken(db, { token, password: 'otra-contraseña-larga', now: minutes(1) });

    expect(await isSessionCurrent(db, { sessionId: 'old', userId: user.id, passwordStamp: old.passwordStamp })).toBe(false);
    const fresh = await authenticate(db, { email: user.email, password: 'otra-contraseña-larga', ip: '198.51.100.3', now: minutes(2) });
    expect(await isSessionCurrent(db, { sessionId: 'new', userId: user.id, passwordStamp: fresh.passwordStamp })).toBe(true);
  });

  it('is rate-limited like sign-in: 5 wrong current passwords from an address, then RATE_LIMITED there, nothing changed', async () => {
    const { db, account, user } = await setUp();
    const ctx = ctxFor(db, await actorFor(db, user.id, account.id), { now: T0 });
    const attempt = (currentPassword: string, ip = '203.0.113.9') => changePassword(ctx, { currentPassword, newPassword: 'contraseña-nueva', ip });
    for (let i = 0; i < 5; i++) await expect(attempt(`adivino-${i}`)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });

    await expect(attempt('contraseña-vieja')).rejects.toMatchObject({ code: 'RATE_LIMITED', details: { minutes: 15, field: 'currentPassword' } });
    // The guesses count for sign-in from that address too, and the password did not change.
    await expect(authenticate(db, { email: user.email, password: 'contraseña-vieja', ip: '203.0.113.9', now: T0 })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect((await authenticate(db, { email: user.email, password: 'contraseña-vieja', ip: '203.0.113.10', now: T0 })).userId).toBe(user.id);
    // 15 minutes later the address may try again.
    const later = ctxFor(db, ctx.actor, { now: minutes(15) });
    await expect(changePassword(later, { currentPassword: 'contraseña-vieja', newPassword: 'contraseña-nueva', ip: '203.0.113.9' })).resolves.toHaveProperty('passwordStamp');
  });
});
