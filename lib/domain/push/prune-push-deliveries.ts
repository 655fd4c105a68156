import { and, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { pushDeliveries } from '@/db/schema';

// A push is worth nothing after its TTL (a day); finished rows (delivered or given up) are kept a
// week for diagnosis, then deleted, at most `limit` per hourly pass (locked with SKIP LOCKED, so a
// delivery run beside it is never blocked). Due or leased rows are never deleted.
export const PUSH_RETENTION_DAYS = 7;

export const prunePushDeliveries = async (db: Db, { now, limit = 10_000 }: { now: Date; limit?: number }): Promise<number> => {
  const old = and(isNull(pushDeliveries.nextAttemptAt), lt(pushDeliveries.createdAt, new Date(now.getTime() - PUSH_RETENTION_DAYS * 24 * 60 * 60 * 1000)));
  const batch = db.$with('batch').as(db.select({ id: pushDeliveries.id }).from(pushDeliveries).where(old).limit(limit).for('update', { skipLocked: true }));
  const gone = await db
    .with(batch)
    .delete(pushDeliveries)
    .where(and(inArray(pushDeliveries.id, db.select({ id: batch.id }).from(batch)), old))
    .returning({ id: pushDeliveries.id });
  return gone.length;
};
