import webpush from 'web-push';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { pushDeliveries, pushSubscriptions } from '@/db/schema';
import { postWebhook } from '../webhooks/deliver-webhooks';
import type { ResolveOptions } from '../webhooks/address-check';
import { claimDue, recordAttempt } from '../webhooks/claim-due';
import { DELIVERY_TIMEOUT_MS } from '../webhooks/webhook-events';
import { buildPushPayloads } from './push-payload';
import { resolvePushEndpoint } from './push-endpoint';

export type VapidDetails = { subject: string; publicKey: string; privateKey: string };

// How long the push service keeps a push for a device that is offline: a day (a mention older than
// that is in the bell anyway).
export const PUSH_TTL_SECONDS = 24 * 60 * 60;

type ClaimedPush = { id: number; subscriptionId: number; notificationId: number; attempts: number };


export type DeliverPushesOptions = ResolveOptions & { vapid: VapidDetails; now?: () => Date; limit?: number; ids?: number[]; timeoutMs?: number };

// Sends the due pushes: each payload built now (buildPushPayloads), encrypted for its browser
// (aes128gcm) and signed with the VAPID key by web-push, then posted to the browser's push service.
// 2xx: delivered. 404 or 410: the browser dropped the subscription, so it is deleted (with its
// pending pushes). Anything else, a timeout or a network error: retried like a webhook (1 min …
// 6 h, then given up). A notification that may no longer be pushed (the agent was deactivated or
// left the inbox) is closed without sending.
export const deliverDuePushes = async (db: Db, options: DeliverPushesOptions): Promise<{ attempted: number; delivered: number; removed: number }> => {
  const now = options.now ?? (() => new Date());
  const claimed = await claimDue<ClaimedPush>(
    db,
    pushDeliveries,
    { id: pushDeliveries.id, subscriptionId: pushDeliveries.subscriptionId, notificationId: pushDeliveries.notificationId, attempts: pushDeliveries.attempts },
    { now: now(), limit: options.limit ?? 50, ids: options.ids },
  );
  if (claimed.length === 0) return { attempted: 0, delivered: 0, removed: 0 };
  const subscriptions = await db
    .select()
    .from(pushSubscriptions)
    .where(inArray(pushSubscriptions.id, [...new Set(claimed.map((push) => push.subscriptionId))]));
  const subscriptionOf = new Map(subscriptions.map((subscription) => [subscription.id, subscription]));
  const payloads = await buildPushPayloads(db, [...new Set(claimed.map((push) => push.notificationId))]);

  let removed = 0;
  const results = await Promise.all(
    claimed.map(async (push) => {
      const subscription = subscriptionOf.get(push.subscriptionId);
      // Deleted meanwhile (sign-out, opt-out): its deliveries went with it.
      if (!subscription) return false;
      const payload = payloads.get(push.notificationId);
      if (!payload) {
        await db.update(pushDeliveries).set({ nextAttemptAt: null, error: 'not deliverable' }).where(eq(pushDeliveries.id, push.id));
        return false;
      }
      const request = webpush.generateRequestDetails({ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } }, JSON.stringify(payload), {
        vapidDetails: options.vapid,
        TTL: PUSH_TTL_SECONDS,
        urgency: payload.type === 'participating_message' ? 'normal' : 'high',
        // The push service keeps only the newest undelivered push of a conversation for a device.
        topic: `c${payload.conversationId}`,
      });
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
      const result = await postWebhook(subscription.endpoint, headers, request.body ?? Buffer.alloc(0), {
        ...options,
        timeoutMs: options.timeoutMs ?? DELIVERY_TIMEOUT_MS,
        resolveTarget: resolvePushEndpoint,
      });
      if (result.status === 404 || result.status === 410) {
        removed += 1;
        await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, subscription.id));
        return false;
      }
      await recordAttempt(db, pushDeliveries, push, result, now());
      return result.ok;
    }),
  );
  return { attempted: claimed.length, delivered: results.filter(Boolean).length, removed };
};
