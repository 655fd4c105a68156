import { and, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { webhookDeliveries } from '@/db/schema';

// The delivery log keeps delivered deliveries 30 days (after delivery) and given-up ones 90 days
// (after they were enqueued: a delivery gives up within about 9 hours of it). Due and leased ones
// (next_attempt_at set, e.g. just resent) are never deleted.
export const DELIVERED_RETENTION_DAYS = 30;
export const GIVEN_UP_RETENTION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

// Deletes old deliveries in batches of `batchSize` (short transactions, no long lock on the table),
// at most `maxBatches` per call; the rest waits for the next call. Each batch locks its rows with
// SKIP LOCKED, so a row that a delivery run (or another instance's prune) holds is left for later,
// and the DELETE re-checks the condition, so a row resent meanwhile is kept. Returns how many went.
export const pruneWebhookDeliveries = async (db: Db, { now, batchSize = 1000, maxBatches = 10 }: { now: Date; batchSize?: number; maxBatches?: number }): Promise<number> => {
  const old = and(
    isNull(webhookDeliveries.nextAttemptAt),
    or(
      lt(webhookDeliveries.deliveredAt, new Date(now.getTime() - DELIVERED_RETENTION_DAYS * DAY_MS)),
      and(isNull(webhookDeliveries.deliveredAt), lt(webhookDeliveries.createdAt, new Date(now.getTime() - GIVEN_UP_RETENTION_DAYS * DAY_MS))),
    ),
  );
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    // A CTE (evaluated once), not `id IN (SELECT … LIMIT)`, which PostgreSQL may run more than once.
    const batchRows = db.$with('batch').as(db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(old).limit(batchSize).for('update', { skipLocked: true }));
    const gone = await db
      .with(batchRows)
      .delete(webhookDeliveries)
      .where(and(inArray(webhookDeliveries.id, db.select({ id: batchRows.id }).from(batchRows)), old))
      .returning({ id: webhookDeliveries.id });
    deleted += gone.length;
    if (gone.length < batchSize) break;
  }
  return deleted;
};

