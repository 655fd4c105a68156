import { and, desc, eq, notInArray } from 'drizzle-orm';
import { z } from 'zod';
import { pushSubscriptions } from '@/db/schema';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { isAcceptablePushEndpoint } from './push-endpoint';

// A base64url string that decodes to exactly `bytes` bytes (and, for a P-256 key, an uncompressed point).
const base64url = (bytes: number, firstByte?: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/)
    .refine((text) => {
      const decoded = Buffer.from(text, 'base64url');
      return decoded.length === bytes && (firstByte === undefined || decoded[0] === firstByte);
    });

// What PushSubscription.toJSON() gives in the browser, plus the sign-in it is made in.
// Devices one agent may opt in from in an account; the oldest subscription goes beyond it, so a
// script posting endpoints cannot grow the table (or the pushes of each notification) without end.
export const MAX_PUSH_DEVICES = 20;

export const ZSavePushSubscriptionInput = z.object({
  endpoint: z.string().max(2048).refine((endpoint) => isAcceptablePushEndpoint(endpoint)),
  keys: z.object({ p256dh: base64url(65, 0x04), auth: base64url(16) }),
  sessionId: z.string().min(1).max(100),
  userAgent: z.string().max(300).optional(),
});
export type TSavePushSubscriptionInput = z.input<typeof ZSavePushSubscriptionInput>;

// Opt-in from the bell: stores this browser's push subscription for the actor in this account.
// The endpoint names the browser, so saving it again (a new key, another sign-in, another agent
// signing in on the same device) replaces the row: one subscription per device, never two.
export const savePushSubscription = async (ctx: Ctx, input: TSavePushSubscriptionInput): Promise<{ id: number }> => {
  const parsed = ZSavePushSubscriptionInput.safeParse(input);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', { field: String(parsed.error.issues[0]?.path[0] ?? 'endpoint') });
  const { endpoint, keys, sessionId, userAgent } = parsed.data;
  const values = {
    accountId: ctx.actor.accountId,
    userId: ctx.actor.userId,
    p256dh: keys.p256dh,
    auth: keys.auth,
    sessionId,
    userAgent: userAgent ?? null,
    createdAt: ctx.now(),
  };
  const [row] = await ctx.db
    .insert(pushSubscriptions)
    .values({ endpoint, ...values })
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: values })
    .returning({ id: pushSubscriptions.id });
  const mine = and(eq(pushSubscriptions.userId, ctx.actor.userId), eq(pushSubscriptions.accountId, ctx.actor.accountId));
  const kept = ctx.db.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(mine).orderBy(desc(pushSubscriptions.createdAt), desc(pushSubscriptions.id)).limit(MAX_PUSH_DEVICES);
  await ctx.db.delete(pushSubscriptions).where(and(mine, notInArray(pushSubscriptions.id, kept)));
  return { id: row.id };
};
