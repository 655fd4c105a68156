import { DomainError } from '../../errors';

// Token buckets for the public client API, IN MEMORY and therefore PER APP INSTANCE (N instances
// allow N times the rate): a cheap guard against a runaway integration or a flood, not a quota.
// Each key holds up to `burst` tokens and gets `perMinute` back per minute.
export type RateLimit = { perMinute: number; burst: number };

export const CLIENT_API_LIMITS = {
  // Every authenticated request to one inbox from one IP address (a runaway integration).
  inbox: { perMinute: 600, burst: 120 },
  // Requests whose credential named nothing (unknown inbox, source id, visitor token), per IP address.
  failure: { perMinute: 30, burst: 30 },
  // Every request of one contact (source id) in one inbox.
  contact: { perMinute: 60, burst: 20 },
  // Contacts created in one inbox from one IP address.
  createContact: { perMinute: 20, burst: 10 },
} satisfies Record<string, RateLimit>;

type Bucket = { tokens: number; at: number };
const store = globalThis as unknown as { bandejaRateBuckets?: Map<string, Bucket> };
const buckets = () => (store.bandejaRateBuckets ??= new Map());

// Takes one token for `key`, or throws RATE_LIMITED with the seconds until the next one. `now` is the
// caller's clock (ctx.now()), so tests drive time instead of waiting for it.
export const takeToken = (key: string, limit: RateLimit, now: number): void => {
  const map = buckets();
  const refill = limit.perMinute / 60_000;
  const bucket = map.get(key) ?? { tokens: limit.burst, at: now };
  const tokens = Math.min(limit.burst, bucket.tokens + (now - bucket.at) * refill);
  if (tokens < 1) {
    map.set(key, { tokens, at: now });
    throw new DomainError('RATE_LIMITED', { retryAfter: Math.ceil((1 - tokens) / refill / 1000) });
  }
  map.set(key, { tokens: tokens - 1, at: now });
  // Forget full buckets now and then, so the map does not grow with every visitor ever seen.
  if (map.size > 50_000) for (const [k, b] of map) if (now - b.at > 10 * 60_000) map.delete(k);
};

export const resetRateLimits = (): void => buckets().clear();
