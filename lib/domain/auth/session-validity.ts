import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { revokedSessions, users } from '@/db/schema';

// A short fingerprint of a stored password hash, carried in the session token. The hash has a random
// salt and never leaves the server, so the stamp cannot be guessed; changing the password (a new hash)
// changes it, which signs out every session that carries the old one. No column needed: sessions are
// stateless JWTs and the hash is already the per-user secret that changes with the password.
export const passwordStamp = (passwordHash: string | null | undefined): string =>
  passwordHash ? createHash('sha256').update(`bandeja-session:${passwordHash}`).digest('base64url').slice(0, 22) : '';

// Whether a session may still act: not signed out, and issued for the user's current password.
// One query, run with the actor at every request.
export const isSessionCurrent = async (db: Db, session: { sessionId: string; userId: number; passwordStamp: string }): Promise<boolean> => {
  const [row] = await db
    .select({
      passwordHash: users.passwordHash,
      revoked: sql<boolean>`exists (select 1 from ${revokedSessions} where ${revokedSessions.sessionId} = ${session.sessionId})`,
    })
    .from(users)
    .where(eq(users.id, session.userId));
  return Boolean(row) && !row.revoked && session.passwordStamp !== '' && passwordStamp(row.passwordHash) === session.passwordStamp;
};
