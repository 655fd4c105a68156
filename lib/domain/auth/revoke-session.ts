import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { revokedSessions } from '@/db/schema';

// Sign-out: the session's id is refused from now on, whatever copy of its token comes back.
export const revokeSession = async (db: Db, { sessionId, userId, expiresAt }: { sessionId: string; userId: number; expiresAt: Date }) => {
  await db.insert(revokedSessions).values({ sessionId, userId, expiresAt }).onConflictDoNothing();
};

// Whether a session was signed out (checked with the actor at every request).
export const isSessionRevoked = async (db: Db, sessionId: string): Promise<boolean> => {
  const [row] = await db.select({ sessionId: revokedSessions.sessionId }).from(revokedSessions).where(eq(revokedSessions.sessionId, sessionId)).limit(1);
  return Boolean(row);
};
