import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { notifications, pushDeliveries, pushSubscriptions } from '@/db/schema';

// The push outbox: one push_deliveries row per (new notification, device its agent opted in from),
// written INSIDE the transaction that creates the notifications, so a push exists exactly when the
// notification committed; one INSERT … SELECT whatever the number. The notification was created by
// the preferences and mute rules (shouldNotify), so a push follows them too. Sent after commit
// (nudgeDeliveries) and by the sweep.
export const enqueuePushDeliveries = async (db: DbOrTx, notificationIds: number[], at: Date): Promise<void> => {
  if (notificationIds.length === 0) return;
  await db.execute(sql`
    insert into ${pushDeliveries} (subscription_id, notification_id, next_attempt_at, created_at)
    select ${pushSubscriptions.id}, ${notifications.id}, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz
    from ${notifications}
    join ${pushSubscriptions} on ${pushSubscriptions.userId} = ${notifications.userId} and ${pushSubscriptions.accountId} = ${notifications.accountId}
    where ${notifications.id} in ${notificationIds}
    on conflict do nothing`);
};
