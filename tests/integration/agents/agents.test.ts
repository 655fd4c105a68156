import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accountUsers, inboxMembers, users, userTokens } from '@/db/schema';
import { loadActor } from '@/lib/domain/authorization/load-actor';
import { authenticate } from '@/lib/domain/auth/authenticate';
import { changeAgentRole } from '@/lib/domain/agents/change-agent-role';
import { inviteAgent } from '@/lib/domain/agents/invite-agent';
import { listAccountAgents } from '@/lib/domain/agents/list-account-agents';
import { resendInvitation } from '@/lib/domain/agents/resend-invitation';
import { setAgentActive } from '@/lib/domain/agents/set-agent-active';
import { checkUserToken } from '@/lib/domain/users/check-user-token';
import { setPasswordWithToken } from '@/lib/domain/users/set-password-with-token';
import type { Db } from '@/db/client';
import { useTestDatabase } from '../../helpers/db';
import { actorFor, createAccount, createInbox, createUser, ctxFor } from '../../helpers/factories';

const database = useTestDatabase();

const workspace = async (db: Db) => {
  const account = await createAccount(db, { name: 'Acme' });
  const adminUser = await createUser(db, { accountId: account.id, role: 'administrator', name: 'Ana Admin' });
  const agentUser = await createUser(db, { accountId: account.id, role: 'agent' });
  const inbox = await createInbox(db, { accountId: account.id });
  return {
    account,
    inbox,
    adminUser,
    agentUser,
    admin: ctxFor(db, await actorFor(db, adminUser.id, account.id)),
    agent: ctxFor(db, await actorFor(db, agentUser.id, account.id)),
  };
};

const email = () => `invitee-${crypto.randomUUID().slice(0, 8)}@example.test`;
const tokenFrom = (text: string) => decodeURIComponent(/set-password\?token=([^\s"]+)/.exec(text)![1]);

describe('agents settings', () => {
  it('an administrator invites an agent: user, membership, inboxes, and one mail with a single-use set-password link', async () => {
    const { db } = database();
    const { admin, inbox, account } = await workspace(db);
    const address = email();

    const { userId } = await inviteAgent(admin, { name: 'Nuevo Agente', email: ` ${address.toUpperCase()} `, role: 'agent', inboxIds: [inbox.id] });

    const [user] = await db.select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({ email: address, name: 'Nuevo Agente', passwordHash: null });
    expect(await db.select({ role: accountUsers.role, active: accountUsers.active }).from(accountUsers).where(eq(accountUsers.userId, userId))).toEqual([{ role: 'agent', active: true }]);
    expect(await db.select({ inboxId: inboxMembers.inboxId }).from(inboxMembers).where(eq(inboxMembers.userId, userId))).toEqual([{ inboxId: inbox.id }]);
    expect(admin.sentMail).toHaveLength(1);
    expect(admin.sentMail[0]).toMatchObject({ accountId: account.id, kind: 'invitation', to: [address] });
    expect(admin.sentMail[0].subject).toContain('Acme');

    const token = tokenFrom(admin.sentMail[0].text);
    // Only the SHA-256 of the token is stored.
    const [stored] = await db.select().from(userTokens).where(eq(userTokens.userId, userId));
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await checkUserToken(db, { token, now: new Date() })).toEqual({ name: 'Nuevo Agente', email: address });

    // The invitee cannot sign in before choosing a password, then can.
    await expect(authenticate(db, { email: address, password: 'contraseña-nueva', ip: '10.0.0.1', now: new Date() })).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(await setPasswordWithToken(db, { token, password: 'contraseña-nueva', now: new Date() })).toEqual({ email: address });
    expect(await authenticate(db, { email: address, password: 'contraseña-nueva', ip: '10.0.0.1', now: new Date() })).toMatchObject({ userId, accountId: account.id });

    // Single use: the same link a second time is NOT_FOUND and changes nothing.
    await expect(setPasswordWithToken(db, { token, password: 'otra-contraseña', now: new Date() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await checkUserToken(db, { token, now: new Date() })).toBeNull();
  });

  it('a set-password link expires after 7 days; a short password leaves the link unused', async () => {
    const { db } = database();
    const { admin } = await workspace(db);
    await inviteAgent(admin, { name: 'Tarde', email: email() });
    const token = tokenFrom(admin.sentMail[0].text);

    await expect(setPasswordWithToken(db, { token, password: 'corta', now: new Date() })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'password' } });
    const later = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000 + 60_000);
    await expect(setPasswordWithToken(db, { token, password: 'suficientemente-larga', now: later })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(setPasswordWithToken(db, { token: 'no-such-token', password: 'suficientemente-larga', now: new Date() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await setPasswordWithToken(db, { token, password: 'suficientemente-larga', now: new Date() })).toMatchObject({});
  });

  it('a re-sent invitation replaces the old link; an accepted invitation cannot be re-sent', async () => {
    const { db } = database();
    const { admin } = await workspace(db);
    const { userId } = await inviteAgent(admin, { name: 'Dos veces', email: email() });
    const first = tokenFrom(admin.sentMail[0].text);
    await resendInvitation(admin, { userId });
    const second = tokenFrom(admin.sentMail[1].text);
    expect(second).not.toBe(first);
    await expect(setPasswordWithToken(db, { token: first, password: 'suficientemente-larga', now: new Date() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await setPasswordWithToken(db, { token: second, password: 'suficientemente-larga', now: new Date() });
    await expect(resendInvitation(admin, { userId })).rejects.toMatchObject({ code: 'CONFLICT', details: { field: 'invitationAccepted' } });
  });

  it('an email already in use is CONFLICT; an inbox of another account NOT_FOUND; nothing is created', async () => {
    const { db } = database();
    const { admin, agentUser } = await workspace(db);
    const other = await createAccount(db);
    const foreignInbox = await createInbox(db, { accountId: other.id });
    await expect(inviteAgent(admin, { name: 'Copia', email: agentUser.email.toUpperCase() })).rejects.toMatchObject({ code: 'CONFLICT', details: { field: 'email' } });
    const address = email();
    await expect(inviteAgent(admin, { name: 'Ajena', email: address, inboxIds: [foreignInbox.id] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.select().from(users).where(eq(users.email, address))).toEqual([]);
    await expect(inviteAgent(admin, { name: '', email: 'not-an-email' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(admin.sentMail).toEqual([]);
  });

  it('agents may not list, invite, change roles or deactivate (FORBIDDEN); another account’s member is NOT_FOUND', async () => {
    const { db } = database();
    const { admin, agent, adminUser } = await workspace(db);
    await expect(listAccountAgents(agent)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(inviteAgent(agent, { name: 'X', email: email() })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(changeAgentRole(agent, { userId: agent.actor.userId, role: 'administrator' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(setAgentActive(agent, { userId: adminUser.id, active: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(resendInvitation(agent, { userId: adminUser.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const other = await createAccount(db);
    const stranger = await createUser(db, { accountId: other.id });
    await expect(changeAgentRole(admin, { userId: stranger.id, role: 'administrator' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(setAgentActive(admin, { userId: stranger.id, active: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(resendInvitation(admin, { userId: stranger.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listAccountAgents(admin)).map((member) => member.id)).not.toContain(stranger.id);
  });

  it('roles change; the last active administrator can be neither demoted nor deactivated', async () => {
    const { db } = database();
    const { admin, adminUser, agentUser, account } = await workspace(db);
    await expect(changeAgentRole(admin, { userId: adminUser.id, role: 'agent' })).rejects.toMatchObject({ code: 'CONFLICT', details: { field: 'lastAdministrator' } });
    await expect(setAgentActive(admin, { userId: adminUser.id, active: false })).rejects.toMatchObject({ code: 'CONFLICT', details: { field: 'lastAdministrator' } });

    await changeAgentRole(admin, { userId: agentUser.id, role: 'administrator' });
    expect((await loadActor(db, { userId: agentUser.id, accountId: account.id }))?.role).toBe('administrator');
    // With a second administrator the first may step down.
    await changeAgentRole(admin, { userId: adminUser.id, role: 'agent' });
    expect((await listAccountAgents(ctxFor(db, await actorFor(db, agentUser.id, account.id)))).find((member) => member.id === adminUser.id)?.role).toBe('agent');
  });

  it('two administrators demoting each other at once: exactly one succeeds, one administrator stays', async () => {
    const { db } = database();
    // Several rounds: on PostgreSQL the two transactions really overlap (PGlite runs them in turn).
    for (let round = 0; round < 8; round++) {
      const { admin, adminUser, agentUser, account } = await workspace(db);
      await changeAgentRole(admin, { userId: agentUser.id, role: 'administrator' });
      const other = ctxFor(db, await actorFor(db, agentUser.id, account.id));

      const results = await Promise.allSettled([
        changeAgentRole(admin, { userId: agentUser.id, role: 'agent' }),
        setAgentActive(other, { userId: adminUser.id, active: false }),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT', details: { field: 'lastAdministrator' } } });
      const admins = (await listAccountAgents(admin)).filter((member) => member.role === 'administrator' && member.active);
      expect(admins).toHaveLength(1);
    }
  });

  it('a deactivated agent is refused at their next request and cannot sign in; reactivation restores both', async () => {
    const { db } = database();
    const { admin, account } = await workspace(db);
    const agentUser = await createUser(db, { accountId: account.id, password: 'contraseña-segura' });
    const signIn = () => authenticate(db, { email: agentUser.email, password: 'contraseña-segura', ip: '10.0.0.2', now: new Date() });

    await setAgentActive(admin, { userId: agentUser.id, active: false });
    expect(await loadActor(db, { userId: agentUser.id, accountId: account.id })).toBeNull();
    await expect(signIn()).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect((await listAccountAgents(admin)).find((member) => member.id === agentUser.id)).toMatchObject({ active: false, invitationPending: false });

    await setAgentActive(admin, { userId: agentUser.id, active: true });
    expect(await loadActor(db, { userId: agentUser.id, accountId: account.id })).not.toBeNull();
    expect(await signIn()).toMatchObject({ userId: agentUser.id });
  });
});
