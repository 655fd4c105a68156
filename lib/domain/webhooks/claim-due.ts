import { and, asc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import type { AttemptResult } from './deliver-webhooks';
import { DELIVERY_LEASE_MS, MAX_ATTEMPTS, RETRY_DELAYS_MS } from './webhook-events';

// An outbox table: webhook deliveries, push deliveries.
type OutboxTable = PgTable & { id: PgColumn; nextAttemptAt: PgColumn; attempts: PgColumn };

// Takes up to `limit` due rows of an outbox for this instance: one statement over rows locked with
// SKIP LOCKED, which counts the attempt and moves next_attempt_at one lease ahead, so that two
// instances never send the same row at once and a row whose instance died is tried again later.
export const claimDue = async <Row>(
  db: Db,
  table: OutboxTable,
  fields: Record<keyof Row, PgColumn>,
  { now, limit, ids }: { now: Date; limit: number; ids?: number[] },
): Promise<Row[]> =>
  db.transaction(async (tx) => {
    const due = tx.$with('due').as(
      tx
        .select({ id: table.id })
        .from(table)
        .where(and(isNotNull(table.nextAttemptAt), lte(table.nextAttemptAt, now), ids ? inArray(table.id, ids) : undefined))
        .orderBy(asc(table.nextAttemptAt))
        .limit(limit)
        .for('update', { skipLocked: true }),
    );
    const claimed = await tx
      .with(due)
      .update(table)
      .set({ attempts: sql`${table.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + DELIVERY_LEASE_MS) } as never)
      .from(due)
      .where(eq(table.id, due.id))
      .returning(fields);
    return claimed as Row[];
  });

// When the next attempt is due after `attempts` failed ones; null: given up.
export const nextAttemptAfter = (attempts: number, now: Date): Date | null =>
  attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length) - 1]);

// Writes an attempt's outcome on its outbox row: delivered, or the next attempt (null: given up).
export const recordAttempt = async (db: Db, table: OutboxTable & { responseStatus: PgColumn; error: PgColumn; deliveredAt: PgColumn }, row: { id: number; attempts: number }, result: AttemptResult, at: Date) => {
  await db
    .update(table)
    .set({
      responseStatus: result.status,
      error: result.error?.slice(0, 500) ?? null,
      deliveredAt: result.ok ? at : null,
      nextAttemptAt: result.ok ? null : nextAttemptAfter(row.attempts, at),
    } as never)
    .where(eq(table.id, row.id));
};
