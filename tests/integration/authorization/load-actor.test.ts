import { describe, expect, it } from 'vitest';
import { loadActor } from '@/lib/domain/authorization/load-actor';
import { useTestDatabase } from '../../helpers/db';
import { addAccountMember, addInboxMember, createAccount, createInbox, createTeam, createUser } from '../../helpers/factories';

const database = useTestDatabase();

describe('loadActor', () => {
  it('gives an agent their role, the inboxes and the teams they belong to in that account', async () => {
    const { db } = database();
    const account = await createAccount(db);
    const first = await createInbox(db, { accountId: account.id });
    const second = await createInbox(db, { accountId: account.id });
    await createInbox(db, { accountId: account.id });
    const team = await createTeam(db, { accountId: account.id });
    await createTeam(db, { accountId: account.id });
    const agent = await createUser(db, { accountId: account.id, inboxIds: [second.id, first.id], teamIds: [team.id] });

    expect(await loadActor(db, { userId: agent.id, accountId: account.id })).toEqual({
      userId: agent.id,
      accountId: account.id,
      role: 'agent',
      inboxIds: [first.id, second.id],
      teamIds: [team.id],
    });
  });

  it('gives an administrator every inbox of the account, whatever their memberships', async () => {
    const { db } = database();
    const account = await createAccount(db);
    const inboxes = [await createInbox(db, { accountId: account.id }), await createInbox(db, { accountId: account.id })];
    const admin = await createUser(db, { accountId: account.id, role: 'administrator' });

    const actor = await loadActor(db, { userId: admin.id, accountId: account.id });
    expect(actor).toMatchObject({ role: 'administrator', inboxIds: inboxes.map((inbox) => inbox.id) });
  });

  it('never includes inboxes or teams of another account', async () => {
    const { db } = database();
    const mine = await createAccount(db);
    const theirs = await createAccount(db);
    const myInbox = await createInbox(db, { accountId: mine.id });
    const theirInbox = await createInbox(db, { accountId: theirs.id });
    const theirTeam = await createTeam(db, { accountId: theirs.id });
    const user = await createUser(db, { accountId: mine.id, inboxIds: [myInbox.id], teamIds: [theirTeam.id] });
    await addInboxMember(db, { inboxId: theirInbox.id, userId: user.id });

    expect(await loadActor(db, { userId: user.id, accountId: mine.id })).toMatchObject({ inboxIds: [myInbox.id], teamIds: [] });
  });

  it('is null for an account the user is not a member of', async () => {
    const { db } = database();
    const mine = await createAccount(db);
    const theirs = await createAccount(db);
    const user = await createUser(db, { accountId: mine.id });

    expect(await loadActor(db, { userId: user.id, accountId: theirs.id })).toBeNull();
    expect(await loadActor(db, { userId: 2_000_000_000 })).toBeNull();
    // What a malformed session turns into: no actor, not an SQL error.
    expect(await loadActor(db, { userId: user.id, accountId: Number(undefined) })).toBeNull();
    expect(await loadActor(db, { userId: Number('') })).toBeNull();
  });

  it('is null for an inactive membership, with or without an account id', async () => {
    const { db } = database();
    const account = await createAccount(db);
    const user = await createUser(db, { accountId: account.id, role: 'administrator', active: false });

    expect(await loadActor(db, { userId: user.id, accountId: account.id })).toBeNull();
    expect(await loadActor(db, { userId: user.id })).toBeNull();
  });

  it('without an account id picks the first active account the user joined, and the role is per account', async () => {
    const { db } = database();
    const older = await createAccount(db);
    const newer = await createAccount(db);
    const deactivated = await createAccount(db);
    const user = await createUser(db, { accountId: newer.id, role: 'agent' });
    await addAccountMember(db, { accountId: deactivated.id, userId: user.id, active: false, createdAt: new Date('2020-01-01T00:00:00Z') });
    await addAccountMember(db, { accountId: older.id, userId: user.id, role: 'administrator', createdAt: new Date('2021-01-01T00:00:00Z') });

    expect(await loadActor(db, { userId: user.id })).toMatchObject({ accountId: older.id, role: 'administrator' });
    expect(await loadActor(db, { userId: user.id, accountId: newer.id })).toMatchObject({ accountId: newer.id, role: 'agent' });
  });
});
