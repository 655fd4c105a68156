import { describe, expect, it } from 'vitest';
import { getProfile } from '@/lib/domain/users/get-profile';
import { useTestDatabase } from '../../helpers/db';
import { actorFor, addAccountMember, createAccount, createUser, ctxFor } from '../../helpers/factories';

const database = useTestDatabase();

describe('getProfile', () => {
  it('describes the signed-in user with the role and name of the account they act in', async () => {
    const { db } = database();
    const acme = await createAccount(db, { name: 'Acme' });
    const globex = await createAccount(db, { name: 'Globex' });
    const user = await createUser(db, { accountId: acme.id, role: 'administrator', name: 'Ana', email: `ana-${crypto.randomUUID()}@example.test`, locale: 'en' });
    await addAccountMember(db, { accountId: globex.id, userId: user.id, role: 'agent' });

    expect(await getProfile(ctxFor(db, await actorFor(db, user.id, acme.id)))).toEqual({
      id: user.id,
      name: 'Ana',
      email: user.email,
      avatarUrl: null,
      locale: 'en',
      timeZone: 'America/Mexico_City',
      preferences: {},
      role: 'administrator',
      accountName: 'Acme',
    });
    expect(await getProfile(ctxFor(db, await actorFor(db, user.id, globex.id)))).toMatchObject({ role: 'agent', accountName: 'Globex' });
  });
});
