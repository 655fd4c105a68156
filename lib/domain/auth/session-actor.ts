import type { Db } from '@/db/client';
import { loadActor } from '../authorization/load-actor';
import type { Actor } from '../context';
import { isSessionCurrent } from './session-validity';

// What a session token says: who, in which account, which sign-in, for which password.
export type SessionClaims = { sessionId: string; userId: number; accountId?: number; passwordStamp: string };

// The actor of a session, or null when the session may no longer act: signed out, issued for a
// password that has since changed, or the membership gone or deactivated. Run at every request
// (two queries in parallel).
export const loadSessionActor = async (db: Db, session: SessionClaims): Promise<Actor | null> => {
  const [actor, current] = await Promise.all([loadActor(db, { userId: session.userId, accountId: session.accountId }), isSessionCurrent(db, session)]);
  return current ? actor : null;
};
