import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { webhookDeliveries, webhooks } from '@/db/schema';
import { resolveWebhookTarget, type ResolveOptions } from './address-check';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhookBody, TIMESTAMP_HEADER } from './sign';
import { claimDue, recordAttempt } from './claim-due';
import { DELIVERY_TIMEOUT_MS } from './webhook-events';

export type AttemptResult = { ok: boolean; status: number | null; error: string | null };

// One POST of a signed body (also a push's encrypted one, with resolvePushEndpoint as its check). The target is checked again here and the connection is pinned to the
// addresses that were checked (a custom lookup), so a name that resolved to a public address at save
// time and to 127.0.0.1 now is refused. Redirects are never followed (node:http does not): a 3xx is
// a failed attempt. 2xx is success; anything else, a timeout or a network error is a failure.
export const postWebhook = async (
  target: string,
  headers: Record<string, string>,
  body: string | Buffer,
  options: ResolveOptions & { timeoutMs?: number; resolveTarget?: typeof resolveWebhookTarget } = {},
): Promise<AttemptResult> => {
  const resolved = await (options.resolveTarget ?? resolveWebhookTarget)(target, options);
  if (!resolved.ok) return { ok: false, status: null, error: `refused target: ${resolved.reason}` };
  const { url, addresses } = resolved;
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all) return (callback as (error: null, all: { address: string; family: number }[]) => void)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<AttemptResult>((resolve) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        lookup: pinned,
        timeout: options.timeoutMs ?? DELIVERY_TIMEOUT_MS,
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'bandeja-webhooks', ...headers },
      },
      (response) => {
        // The body is not kept: only the status code goes into the log.
        response.resume();
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          resolve({ ok: status >= 200 && status < 300, status, error: status >= 200 && status < 300 ? null : `HTTP ${status}` });
        });
        response.on('error', (error) => resolve({ ok: false, status: response.statusCode ?? null, error: error.message }));
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error) => resolve({ ok: false, status: null, error: error.message || String(error) }));
    request.end(body);
  });
};

type ClaimedDelivery = { id: number; webhookId: number; event: string; payload: unknown; attempts: number };


export type DeliverOptions = ResolveOptions & { now?: () => Date; limit?: number; ids?: number[]; timeoutMs?: number };

// Sends the due deliveries (every one, or only `ids`), each signed with its webhook's secret, and
// records the outcome: delivered, or the next attempt by the back-off table, or given up after the
// last attempt. Returns how many were attempted and delivered.
export const deliverDueWebhooks = async (db: Db, options: DeliverOptions = {}): Promise<{ attempted: number; delivered: number }> => {
  const now = options.now ?? (() => new Date());
  const claimed = await claimDue<ClaimedDelivery>(
    db,
    webhookDeliveries,
    { id: webhookDeliveries.id, webhookId: webhookDeliveries.webhookId, event: webhookDeliveries.event, payload: webhookDeliveries.payload, attempts: webhookDeliveries.attempts },
    { now: now(), limit: options.limit ?? 50, ids: options.ids },
  );
  if (claimed.length === 0) return { attempted: 0, delivered: 0 };
  const targets = await db
    .select({ id: webhooks.id, url: webhooks.url, secret: webhooks.secret })
    .from(webhooks)
    .where(inArray(webhooks.id, [...new Set(claimed.map((delivery) => delivery.webhookId))]));
  const targetOf = new Map(targets.map((target) => [target.id, target]));

  const results = await Promise.all(
    claimed.map(async (delivery) => {
      const target = targetOf.get(delivery.webhookId);
      // The webhook was deleted meanwhile (its deliveries cascade): nothing to record.
      if (!target) return false;
      const body = JSON.stringify(delivery.payload);
      const timestamp = Math.floor(now().getTime() / 1000);
      const result = await postWebhook(
        target.url,
        {
          [SIGNATURE_HEADER]: signWebhookBody(target.secret, timestamp, body),
          [TIMESTAMP_HEADER]: String(timestamp),
          [EVENT_HEADER]: delivery.event,
          [DELIVERY_HEADER]: String(delivery.id),
        },
        body,
        options,
      );
      await recordAttempt(db, webhookDeliveries, delivery, result, now());
      return result.ok;
    }),
  );
  return { attempted: claimed.length, delivered: results.filter(Boolean).length };
};
