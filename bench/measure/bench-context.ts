import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accountUsers, savedViews } from '@/db/schema';
import { loadActor } from '@/lib/domain/authorization/load-actor';
import type { Actor, Ctx } from '@/lib/domain/context';
import { DATASET_NOW } from '../dataset/catalog';

// The benchmark acts as the app would for a signed-in person: an Actor loaded the app's way, and a
// Ctx whose clock is the dataset's (so "last 30 days" means the same on every run). Everything
// measured only reads, so the ports to the outside world refuse to be used.

export type BenchPeople = {
  agents: Actor[];
  administrators: Actor[];
  // The saved view ids of each user (V7).
  savedViewIds: Map<number, number[]>;
};

const readOnly = async (): Promise<never> => {
  throw new Error('bench: the measured operations only read');
};

export const benchCtx = (db: Db, actor: Actor): Ctx => ({
  db,
  actor,
  now: () => new Date(DATASET_NOW),
  realtime: { publish: readOnly, endUserConnections: async () => {} },
  mailer: { send: readOnly },
  storage: { put: readOnly, get: readOnly, delete: readOnly },
});

// Every member of the benchmark account, as actors, split by role.
export const loadBenchPeople = async (db: Db, accountId: number): Promise<BenchPeople> => {
  const members = await db
    .select({ userId: accountUsers.userId })
    .from(accountUsers)
    .where(eq(accountUsers.accountId, accountId))
    .orderBy(asc(accountUsers.userId));
  const actors = await Promise.all(members.map(({ userId }) => loadActor(db, { userId, accountId })));
  const views = await db
    .select({ id: savedViews.id, userId: savedViews.userId })
    .from(savedViews)
    .where(and(eq(savedViews.accountId, accountId)))
    .orderBy(asc(savedViews.id));
  const savedViewIds = new Map<number, number[]>();
  for (const view of views) savedViewIds.set(view.userId, [...(savedViewIds.get(view.userId) ?? []), view.id]);
  const present = actors.filter((actor): actor is Actor => actor !== null);
  return {
    agents: present.filter((actor) => actor.role === 'agent'),
    administrators: present.filter((actor) => actor.role === 'administrator'),
    savedViewIds,
  };
};
