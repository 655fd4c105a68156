import { describe, expect, it } from 'vitest';
import { isSessionRevoked, revokeSession } from '@/lib/domain/auth/revoke-session';
import { useTestDatabase } from '../../helpers/db';
import { createAccount, createUser } from '../../helpers/factories';

const database = useTestDatabase();

describe('revokeSession', () => {
  it('refuses a signed-out session id and only that one, even when signed out twice', async () => {
    const { db } = database();
    const account = await createAccount(db);
    const user = await createUser(db, { accountId: account.id });
    const expiresAt = new Date(Date.now() + 86_400_000);

    await revokeSession(db, { sessionId: 'session-a', userId: user.id, expiresAt });
    await revokeSession(db, { sessionId: 'session-a', userId: user.id, expiresAt });

    await expect(isSessionRevoked(db, 'session-a')).resolves.toBe(true);
    await expect(isSessionRevoked(db, 'session-b')).resolves.toBe(false);
  });
});
