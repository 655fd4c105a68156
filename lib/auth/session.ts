import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { loadSessionActor } from '@/lib/domain/auth/session-actor';
import type { Actor, Ctx } from '@/lib/domain/context';
import { getMailer } from '@/lib/mail/mailer';
import { getRealtimePublisher } from '@/lib/realtime/publisher';
import { getStorage } from '@/lib/storage/storage';
import { auth } from './index';

// The session of this request (the JWT decrypted once, however many components ask: the i18n
// request config, the actor).
export const currentSession = cache(() => auth());

// The signed-in actor of this request, or null. Memoised per request: layouts and pages share it.
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await currentSession();
  const userId = Number(session?.user?.id);
  if (!session?.user || !session.sessionId || !Number.isInteger(userId) || userId <= 0) return null;
  // Signed out, a password changed since, or the membership gone: signed out (null).
  return loadSessionActor(await getDb(), { sessionId: session.sessionId, userId, accountId: session.user.accountId, passwordStamp: session.passwordStamp ?? '' });
});

// Every page, action and route handler calls this (the middleware redirect is only optimistic).
// A session whose membership was revoked, that was signed out, or whose password changed counts as signed out.
export const requireActor = async (): Promise<Actor> => {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  return actor;
};

export const contextFor = async (actor: Actor): Promise<Ctx> => ({
  db: await getDb(),
  actor,
  realtime: getRealtimePublisher(),
  mailer: getMailer(),
  storage: getStorage(),
  now: () => new Date(),
});

// One ctx per request (memoised like the actor), so per-request reads memoised by ctx
// (lib/auth/request-reads.ts) are shared by the layout and the page.
export const requireCtx = cache(async (): Promise<Ctx> => contextFor(await requireActor()));
